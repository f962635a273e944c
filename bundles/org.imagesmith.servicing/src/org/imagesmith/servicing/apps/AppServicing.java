package org.imagesmith.servicing.apps;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.servicing.ServicingSession;

/**
 * Windows Installer applications and patches of an offline image (DISM's /Get-Apps, /Get-AppInfo,
 * /Get-AppPatches, /Get-AppPatchInfo and /Check-AppPatch). It reads the per-machine registration in the SOFTWARE
 * hive and .msp files; it changes nothing.
 */
public final class AppServicing {
    /** ERROR_UNKNOWN_PRODUCT: "This action is only valid for products that are currently installed." */
    public static final int UNKNOWN_PRODUCT = 1605;
    /** ERROR_PATCH_PACKAGE_OPEN_FAILED: the patch file cannot be opened. */
    public static final int PATCH_PACKAGE_OPEN_FAILED = 1635;
    /** ERROR_PATCH_PACKAGE_INVALID: the file is not a valid Windows Installer patch. */
    public static final int PATCH_PACKAGE_INVALID = 1636;
    /** ERROR_UNKNOWN_PATCH: the patch is not applied to any product of the image. */
    public static final int UNKNOWN_PATCH = 1647;

    private static final String COMPONENT = "DISM MSI Provider";

    private final ServicingSession session;
    private final InstallerRegistry registry;

    public AppServicing(ServicingSession session) {
        this.session = session;
        this.registry = new InstallerRegistry(session.software());
    }

    /** Every per-machine Windows Installer product of the image, by name. */
    public List<InstalledApp> apps() {
        List<InstalledApp> apps = registry.products();
        registry.warnings().forEach(w -> session.log().warning(COMPONENT, w));
        session.log().info(COMPONENT, "Found " + apps.size() + " Windows Installer product(s) in the image");
        return apps;
    }

    /**
     * One product.
     *
     * @throws ServicingException 87 when the code is not a GUID, {@link #UNKNOWN_PRODUCT} when the image lacks it
     */
    public InstalledApp app(String productCode) throws ServicingException {
        PackedGuid code = guid(productCode, "ProductCode");
        return registry.product(code).orElseThrow(() -> new ServicingException(UNKNOWN_PRODUCT, "The product "
                + code + " is not installed in the image. Run /Get-Apps for the product codes of its applications."));
    }

    /**
     * The patches applied to one product, or to every product when none is given.
     *
     * @throws ServicingException 87 for a malformed code, {@link #UNKNOWN_PRODUCT} for a product the image lacks
     */
    public List<InstalledPatch> patches(Optional<String> productCode) throws ServicingException {
        if (productCode.isPresent()) {
            return registry.patches(app(productCode.get()).productCode());
        }
        List<InstalledPatch> all = new ArrayList<>();
        for (InstalledApp app : registry.products()) {
            all.addAll(registry.patches(app.productCode()));
        }
        return all;
    }

    /**
     * Installed patches filtered by patch code, product code, both or neither (/Get-AppPatchInfo).
     *
     * @throws ServicingException 87 for a malformed code, {@link #UNKNOWN_PRODUCT} for a product the image lacks,
     *         {@link #UNKNOWN_PATCH} when no product (or not the given one) has the patch
     */
    public List<InstalledPatch> patchInfo(Optional<String> patchCode, Optional<String> productCode)
            throws ServicingException {
        Optional<PackedGuid> patch = patchCode.isPresent() ? Optional.of(guid(patchCode.get(), "PatchCode")) : Optional.empty();
        List<InstalledPatch> found = patches(productCode).stream()
                .filter(p -> patch.isEmpty() || p.patchCode().equals(patch.get())).toList();
        if (patch.isPresent() && found.isEmpty()) {
            throw new ServicingException(UNKNOWN_PATCH, "The patch " + patch.get() + " is not applied to "
                    + productCode.map(c -> "the product " + c.strip()).orElse("any product of the image")
                    + ". Run /Get-AppPatches for the patches the image has.");
        }
        return found;
    }

    /**
     * Whether a patch applies to the products of the image: a target product must be installed, the patch must
     * not be applied to it yet, and when the patch carries transforms for it, their version checks must pass.
     *
     * @throws ServicingException 2 when the file does not exist, {@link #PATCH_PACKAGE_OPEN_FAILED} when it is not
     *         a compound file or is damaged, {@link #PATCH_PACKAGE_INVALID} when it is not a patch
     */
    public PatchApplicability checkPatch(Path file) throws ServicingException {
        if (!Files.isRegularFile(file)) {
            throw new ServicingException(ServicingException.FILE_NOT_FOUND, "The patch file " + file + " does not exist.");
        }
        PatchPackage patch;
        try {
            InstallerFile described = InstallerFile.read(file);
            if (described.kind() != InstallerFileKind.PATCH) {
                throw new ServicingException(PATCH_PACKAGE_INVALID, "The file " + file + " is a Windows Installer "
                        + described.kind().description() + ", not a patch package (.msp).");
            }
            patch = PatchPackage.read(file);
        } catch (InstallerFileException e) {
            boolean invalid = e.problem() == InstallerFileException.Problem.INVALID;
            throw new ServicingException(invalid ? PATCH_PACKAGE_INVALID : PATCH_PACKAGE_OPEN_FAILED,
                    "The patch package cannot be used: " + e.getMessage(), e);
        }
        List<PatchApplicability.Target> targets = new ArrayList<>();
        for (PackedGuid target : patch.targetProductCodes()) {
            Optional<InstalledApp> app = registry.product(target).filter(a -> a.state() == InstalledApp.INSTALLED);
            targets.add(new PatchApplicability.Target(target, app, app.isEmpty()
                    ? Optional.of("the product is not installed in the image") : reason(patch, app.get())));
        }
        PatchApplicability result = new PatchApplicability(patch, targets);
        session.log().info(COMPONENT, "The patch " + patch.patchCode() + " (" + file + ") is "
                + (result.applicable() ? "" : "not ") + "applicable to the image");
        return result;
    }

    private Optional<String> reason(PatchPackage patch, InstalledApp app) {
        boolean applied = registry.patches(app.productCode()).stream()
                .anyMatch(p -> p.patchCode().equals(patch.patchCode()) && p.state() == InstalledPatch.APPLIED);
        if (applied) {
            return Optional.of("the patch is already applied to the product");
        }
        List<PatchTransform> transforms = patch.transformsFor(app.productCode());
        if (transforms.isEmpty()) {
            return Optional.empty();
        }
        List<String> mismatches = new ArrayList<>();
        for (PatchTransform transform : transforms) {
            Optional<String> mismatch = transform.mismatch(app.productCode(), app.productVersion());
            if (mismatch.isEmpty()) {
                return Optional.empty();
            }
            mismatches.add(mismatch.get());
        }
        return Optional.of(String.join("; ", mismatches));
    }

    private static PackedGuid guid(String text, String option) throws ServicingException {
        try {
            return PackedGuid.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ServicingException(ServicingException.INVALID_PARAMETER, "The value \"" + text + "\" of /" + option
                    + " is not a GUID; give it with braces, as in /" + option + ":{12345678-ABCD-EF01-2345-6789ABCDEF01}.");
        }
    }
}
