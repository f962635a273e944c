package org.imagesmith.servicing.editions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.imagesmith.registry.RegistryKey;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.servicing.ServicingSession;
import org.imagesmith.servicing.ServicingTransaction;
import org.imagesmith.servicing.packages.CbsRegistry;
import org.imagesmith.servicing.packages.InstalledPackage;
import org.imagesmith.servicing.packages.PackageState;

/**
 * The edition of an offline image: the EditionID and ProductName of SOFTWARE\Microsoft\Windows NT\CurrentVersion,
 * and the edition packages (Microsoft-Windows-&lt;EditionID&gt;Edition) of an edition-family image, the current one
 * installed and the editions it can become staged. Changing the edition installs the target's package, stages the
 * current one's and rewrites EditionID and ProductName.
 */
public final class EditionServicing {
    static final String CURRENT_VERSION = "Microsoft\\Windows NT\\CurrentVersion";
    private static final String COMPONENT = "DISM Edition Servicing";

    private final ServicingSession session;

    public EditionServicing(ServicingSession session) {
        this.session = session;
    }

    /** The EditionID of the image, as /Get-CurrentEdition prints it. */
    public String currentEdition() throws ServicingException {
        String id = session.identity().editionId();
        if (id.isEmpty()) {
            throw new ServicingException(ServicingException.BAD_FORMAT, "The image has no EditionID under SOFTWARE\\"
                    + CURRENT_VERSION + ", so its edition is unknown.");
        }
        return currentId().orElse(id);
    }

    private Optional<String> currentId() {
        return session.software().findKey(CURRENT_VERSION).flatMap(k -> k.value("EditionID")).map(v -> v.asString().trim());
    }

    /** The editions the image can be changed to: higher ones of its family whose edition package is staged. */
    public List<Edition> targetEditions() throws ServicingException {
        Optional<Edition> current = Edition.ofId(currentEdition());
        List<Edition> targets = new ArrayList<>();
        if (current.isEmpty()) {
            return targets;
        }
        for (InstalledPackage pkg : registry().packages()) {
            Optional<Edition> edition = Edition.ofPackageName(pkg.identity().name());
            if (edition.isPresent() && pkg.state() == PackageState.STAGED && current.get().canUpgradeTo(edition.get())
                    && !targets.contains(edition.get())) {
                targets.add(edition.get());
            }
        }
        targets.sort(java.util.Comparator.naturalOrder());
        return targets;
    }

    /**
     * /Set-Edition: changes the image to a target edition, with an optional product key for it.
     *
     * @throws ServicingException 87 when the edition is not one of {@link #targetEditions()} or the key is malformed
     */
    public Edition setEdition(String editionId, Optional<String> productKey) throws ServicingException {
        session.requireWritable();
        Optional<ProductKey> key = productKey.isPresent() ? Optional.of(parseKey(productKey.get())) : Optional.empty();
        String current = currentEdition();
        List<Edition> targets = targetEditions();
        Edition target = Edition.ofId(editionId).filter(targets::contains).orElseThrow(() -> new ServicingException(
                ServicingException.INVALID_PARAMETER, "The image (edition " + current + ") cannot be changed to \""
                        + editionId + "\". " + (targets.isEmpty() ? "It has no target editions: no higher edition of its"
                        + " family is staged in it." : "Its target editions are: " + String.join(", ",
                                targets.stream().map(Edition::id).toList()) + " (see /Get-TargetEditions).")));
        InstalledPackage targetPackage = editionPackage(target.packageName(), PackageState.STAGED).orElseThrow();
        Optional<InstalledPackage> currentPackage = Edition.ofId(current)
                .flatMap(e -> editionPackage(e.packageName(), null)).filter(p -> p.state().isInstalled());

        try (ServicingTransaction transaction = session.begin()) {
            setState(targetPackage, PackageState.INSTALLED);
            currentPackage.ifPresent(p -> setState(p, PackageState.STAGED));
            RegistryKey version = session.software().root().createKey(CURRENT_VERSION);
            version.setString("EditionID", target.id());
            version.setString("ProductName", target.productName());
            if (key.isPresent()) {
                writeKey(transaction, key.get());
            }
            session.saveHive(ServicingSession.SOFTWARE_HIVE);
            transaction.commit();
        }
        session.log().info(COMPONENT, "Changed the edition from " + current + " to " + target.id()
                + key.map(k -> ", product key " + k.masked()).orElse(""));
        return target;
    }

    /** /Set-ProductKey: the product key Setup applies to the image's current edition. */
    public ProductKey setProductKey(String text) throws ServicingException {
        session.requireWritable();
        ProductKey key = parseKey(text);
        currentEdition();
        try (ServicingTransaction transaction = session.begin()) {
            writeKey(transaction, key);
            transaction.commit();
        }
        session.log().info(COMPONENT, "Product key " + key.masked() + " set for edition " + currentEdition());
        return key;
    }

    /** The product key the image's answer file gives Setup, if any. */
    public Optional<String> productKey() throws ServicingException {
        Optional<Path> file = session.image().find(ProductKeyAnswerFile.PATH);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            return ProductKeyAnswerFile.read(file.get());
        } catch (IOException e) {
            throw new ServicingException(ServicingException.BAD_FORMAT, e.getMessage(), e);
        }
    }

    private static ProductKey parseKey(String text) throws ServicingException {
        try {
            return ProductKey.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ServicingException(ServicingException.INVALID_PARAMETER, e.getMessage() + ".");
        }
    }

    /** Writes the key into the answer file Setup reads (Windows\\Panther\\unattend.xml), keeping the rest of it. */
    private void writeKey(ServicingTransaction transaction, ProductKey key) throws ServicingException {
        try {
            Optional<byte[]> before = answerFileBytes();
            Path where = session.image().find(ProductKeyAnswerFile.PATH).orElse(Path.of(ProductKeyAnswerFile.PATH));
            transaction.write(ProductKeyAnswerFile.PATH, ProductKeyAnswerFile.withKey(before, key,
                    session.identity().architecture().identityName(), where));
        } catch (IOException e) {
            throw new ServicingException(ServicingException.ACCESS_DENIED, "The product key cannot be written to "
                    + ProductKeyAnswerFile.PATH + " in the image: " + e.getMessage(), e);
        }
    }

    private Optional<byte[]> answerFileBytes() throws ServicingException {
        Optional<Path> file = session.image().find(ProductKeyAnswerFile.PATH);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(file.get()));
        } catch (IOException e) {
            throw new ServicingException(ServicingException.ACCESS_DENIED, "The answer file " + file.get()
                    + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The CBS keys of the session's SOFTWARE hive as it is now (a roll-back reads the hive again). */
    private CbsRegistry registry() {
        return new CbsRegistry(session.software());
    }

    private Optional<InstalledPackage> editionPackage(String name, PackageState state) {
        return registry().packages().stream().filter(p -> p.identity().name().equalsIgnoreCase(name))
                .filter(p -> state == null || p.state() == state).findFirst();
    }

    private void setState(InstalledPackage pkg, PackageState state) {
        RegistryKey key = session.software().root().createKey(CbsRegistry.PACKAGES + "\\" + pkg.identity());
        key.setDword("CurrentState", state.code());
        pkg.updateStates().keySet().forEach(update -> registry().setUpdateState(pkg.identity(), update, state));
    }
}
