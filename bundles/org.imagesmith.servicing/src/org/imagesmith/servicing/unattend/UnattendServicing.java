package org.imagesmith.servicing.unattend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.imagesmith.servicing.ImageIdentity;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.servicing.ServicingSession;
import org.imagesmith.servicing.ServicingTransaction;
import org.imagesmith.servicing.drivers.DriverPackage;
import org.imagesmith.servicing.drivers.DriverServicing;
import org.imagesmith.servicing.packages.Feature;
import org.imagesmith.servicing.packages.InstalledPackage;
import org.imagesmith.servicing.packages.PackageIdentity;
import org.imagesmith.servicing.packages.PackageManifest;
import org.imagesmith.servicing.packages.PackageServicing;
import org.imagesmith.servicing.packages.PackageSource;
import org.imagesmith.servicing.packages.PackageState;
import org.imagesmith.unattend.catalog.Catalog;
import org.imagesmith.unattend.catalog.PackageRules;
import org.imagesmith.unattend.catalog.WindowsVersion;
import org.imagesmith.unattend.io.UnattendFormatException;
import org.imagesmith.unattend.io.UnattendReader;
import org.imagesmith.unattend.model.AssemblyIdentity;
import org.imagesmith.unattend.model.Component;
import org.imagesmith.unattend.model.Package;
import org.imagesmith.unattend.model.PackageAction;
import org.imagesmith.unattend.model.Pass;
import org.imagesmith.unattend.model.Selection;
import org.imagesmith.unattend.model.Servicing;
import org.imagesmith.unattend.model.Settings;
import org.imagesmith.unattend.model.Unattend;
import org.imagesmith.unattend.validation.Architectures;
import org.imagesmith.unattend.validation.IssueCodes;
import org.imagesmith.unattend.validation.Problem;
import org.imagesmith.unattend.validation.Severity;
import org.imagesmith.unattend.validation.UnattendValidator;
import org.imagesmith.unattend.validation.ValidationOptions;

/**
 * Applies the offlineServicing pass of an answer file to an offline image, as DISM's /Apply-Unattend and Package
 * Manager's /n: do: the servicing section's packages (language packs before updates, each after the packages it
 * needs) and their feature selections, the driver paths of Microsoft-Windows-PnpCustomizationsNonWinPE (searched
 * with their subfolders) and the offline settings of OfflineSettingHandlers. Other passes are left to Windows
 * Setup, components for other processor architectures are skipped, and a setting Windows would apply offline and
 * Imagesmith cannot makes the whole apply fail before anything changes. The file is validated against the image
 * first and refused when it has errors in what is applied (see {@link ApplyScope}). All of it is applied, or the
 * image folder is put back as it was; after a failure the session's hives in memory no longer match the image,
 * so close the session.
 */
public final class UnattendServicing {
    /** ERROR_INVALID_DATA: the answer file has errors, so nothing was applied. */
    public static final int INVALID_ANSWER_FILE = 13;
    private static final String COMPONENT = "DISM Unattend Manager";
    /** Validator warnings this class words itself (architectures skipped, settings refused, language-pack order). */
    private static final Set<String> SAID_ELSEWHERE = Set.of(IssueCodes.LANGUAGE_PACK_AFTER_UPDATE,
            IssueCodes.ARCHITECTURE_MISMATCH, IssueCodes.NOT_APPLIED_OFFLINE);

    private final ServicingSession session;
    private final Catalog catalog;
    private final boolean forceUnsigned;

    /** Applies to the session's image as DISM does: unsigned drivers are refused on images other than x86. */
    public UnattendServicing(ServicingSession session) {
        this(session, false);
    }

    /**
     * Applies to the session's image.
     *
     * @param forceUnsigned DISM's /ForceUnsigned: add the drivers of the file's driver paths even when unsigned
     */
    public UnattendServicing(ServicingSession session, boolean forceUnsigned) {
        this.session = session;
        this.catalog = Catalog.standard();
        this.forceUnsigned = forceUnsigned;
    }

    /**
     * What /Apply-Unattend did.
     *
     * @param actions one line per change, in the order made
     * @param warnings what was not applied, and other things to check
     */
    public record Result(List<String> actions, List<String> warnings) {
        public Result {
            actions = List.copyOf(actions);
            warnings = List.copyOf(warnings);
        }
    }

    /** What an answer file's offlineServicing pass will do, worked out and checked before anything changes. */
    private record Plan(SourcePaths paths, List<PackageStep> steps, List<String> order, OfflineSettings settings,
            DriverServicing drivers, List<String> driverFolders, List<DriverPackage> driverPackages, List<String> notes) {
    }

    /** Reads and validates the answer file, orders its packages, opens its sources and drivers: changes nothing. */
    private Plan plan(Path answerFile) throws ServicingException {
        SourcePaths paths = new SourcePaths(answerFile);
        session.log().info(COMPONENT, "Applying the offlineServicing pass of " + paths.answerFile());
        Unattend unattend = read(paths.answerFile());
        validate(unattend, paths);
        List<String> notes = new ArrayList<>();
        List<Component> components = offlineComponents(unattend, notes);
        OfflineSettings settings = new OfflineSettings(paths, catalog, targetVersion(), session.system(),
                session.image());
        for (Component component : components) {
            settings.add(component);
        }
        PackageOrder order = new PackageOrder(catalog.packages());
        List<PackageStep> steps = order.order(packageSteps(unattend.getServicing(), paths));
        order.reasons().forEach(reason -> session.log().info(COMPONENT, reason));
        checkFeatures(steps, paths);
        DriverServicing drivers = settings.driverPaths().isEmpty() ? null : new DriverServicing(session);
        List<String> driverFolders = new ArrayList<>();
        List<DriverPackage> driverPackages = openDrivers(drivers, settings, driverFolders);
        settings.warnings().forEach(w -> session.log().warning(COMPONENT, w));
        return new Plan(paths, steps, order.reasons(), settings, drivers, driverFolders, driverPackages, notes);
    }

    /**
     * What {@link #apply} would change (DISM's /Apply-Unattend with /WhatIf, an Imagesmith addition), checked the
     * same way, without changing anything: each package in installation order with its source and kind, why the order
     * differs from the file's, each feature, each driver path and driver, each setting with the registry values it
     * writes, each setting that would be refused and each pass left to Windows Setup (other skips are warnings).
     */
    public Result whatIf(Path answerFile) throws ServicingException {
        Plan plan = plan(answerFile);
        List<String> actions = new ArrayList<>();
        for (PackageStep step : plan.steps()) {
            actions.add("Would " + step.action().getLiteral() + " the package " + step.identity() + (step.sources().isEmpty()
                    ? "" : " from " + step.sources().get(0).origin()) + " (line " + step.at() + kindText(step) + ")");
            for (PackageStep.FeatureSelection feature : step.features()) {
                actions.add("Would " + (feature.enable() ? "enable" : "disable") + " the feature " + feature.name()
                        + " of " + step.name());
            }
        }
        plan.order().forEach(reason -> actions.add("Order: " + reason));
        plan.driverFolders().forEach(folder -> actions.add("Would search the driver path: " + folder));
        for (DriverPackage driver : plan.driverPackages()) {
            actions.add("Would add the driver " + driver.infFile());
        }
        plan.notes().forEach(note -> actions.add("Would skip " + note));
        for (RegistryChange change : plan.settings().changes()) {
            actions.add("Would apply " + change.setting() + ": " + change.effect());
        }
        for (String refused : plan.settings().refused()) {
            actions.add("Would refuse " + refused);
        }
        return new Result(actions, session.log().warnings());
    }

    /**
     * Applies the offlineServicing pass of the answer file.
     *
     * @throws ServicingException when the file cannot be read, has errors (listed with line:column), names a
     *         source that does not exist, or an operation fails; the image is then as it was
     */
    public Result apply(Path answerFile) throws ServicingException {
        session.requireWritable();
        Plan plan = plan(answerFile);
        refuseUnapplied(plan);
        List<PackageStep> steps = plan.steps();
        DriverServicing drivers = plan.drivers();
        List<DriverPackage> driverPackages = plan.driverPackages();
        OfflineSettings settings = plan.settings();
        SourcePaths paths = plan.paths();

        List<String> actions = new ArrayList<>();
        try (ServicingTransaction transaction = session.begin()) {
            applyPackages(steps, actions);
            if (!driverPackages.isEmpty()) {
                for (DriverServicing.AddResult added : drivers.add(driverPackages, new DriverServicing.AddOptions(forceUnsigned))) {
                    actions.add(added.alreadyInstalled() ? "Driver " + added.inf() + " is already installed as "
                            + added.publishedName() : "Added driver " + added.inf() + " as " + added.publishedName());
                }
            }
            for (RegistryChange change : settings.changes()) {
                String done = change.apply(session);
                actions.add(done);
                session.log().info(COMPONENT, done);
            }
            transaction.commit();
        } catch (ServicingException | RuntimeException e) {
            throw notApplied(e);
        }
        session.log().info(COMPONENT, "Applied the offlineServicing pass of " + paths.answerFile() + ": "
                + actions.size() + " change(s)");
        return new Result(actions, session.log().warnings());
    }

    private static String kindText(PackageStep step) {
        return switch (step.kind()) {
            case LANGUAGE_PACK -> "; a language pack, installed before updates";
            case UPDATE -> "; an update, installed after language packs";
            default -> "";
        };
    }

    /** Fails, before anything changes, when Windows would apply settings of the file that Imagesmith cannot. */
    private void refuseUnapplied(Plan plan) throws ServicingException {
        List<String> refused = plan.settings().refused();
        if (!refused.isEmpty()) {
            String message = "The answer file " + plan.paths().answerFile() + " has " + refused.size() + " setting(s) that"
                    + " Windows applies in the offlineServicing pass and Imagesmith cannot apply to an offline image, so"
                    + " nothing was applied:\n" + refused.stream().map(r -> "  " + r).collect(Collectors.joining("\n"))
                    + "\nRemove them from the offlineServicing pass (or let Windows Setup apply the file) and run again.";
            session.log().error(COMPONENT, message);
            throw new ServicingException(ServicingException.NOT_SUPPORTED_OFFLINE, message);
        }
    }

    private Unattend read(Path answerFile) throws ServicingException {
        if (!Files.isRegularFile(answerFile)) {
            throw new ServicingException(ServicingException.FILE_NOT_FOUND, "The answer file " + answerFile
                    + " does not exist.");
        }
        try {
            return UnattendReader.read(answerFile);
        } catch (UnattendFormatException e) {
            throw new ServicingException(ServicingException.BAD_FORMAT, "The answer file cannot be read: "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new ServicingException(ServicingException.ACCESS_DENIED, "The answer file " + answerFile
                    + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Refuses the file when the validator finds errors for this image in what /Apply-Unattend applies (the
     * offlineServicing pass and the servicing section); problems elsewhere, left to Windows Setup, are logged as
     * warnings with their lines, as are the validator's warnings.
     */
    private void validate(Unattend unattend, SourcePaths paths) throws ServicingException {
        ImageIdentity image = session.identity();
        ValidationOptions options = new ValidationOptions(image.architecture().identityName(), paths.folder(),
                targetVersion());
        List<Problem> problems = UnattendValidator.standard(options).validate(unattend);
        List<Problem> errors = problems.stream().filter(p -> p.severity() == Severity.ERROR)
                .filter(p -> !SourcePaths.isConfigSetPath(p)).filter(p -> ApplyScope.applies(p.element(), image.architecture().identityName())).toList();
        for (Problem problem : problems) {
            if (problem.severity() == Severity.ERROR && !errors.contains(problem)) {
                session.log().warning(COMPONENT, paths.answerFile() + ":" + problem + " (in " + ApplyScope.passOf(problem.element())
                        + ", which /Apply-Unattend does not apply)");
            } else if (problem.severity() == Severity.WARNING && !SAID_ELSEWHERE.contains(problem.code())
                    && !(problem.code().equals(IssueCodes.NOT_IN_VERSION) && ApplyScope.applies(problem.element(),
                            image.architecture().identityName()))) {
                session.log().warning(COMPONENT, paths.answerFile() + ":" + problem);
            } else if (problem.severity() == Severity.INFO) {
                session.log().info(COMPONENT, paths.answerFile() + ":" + problem);
            }
        }
        if (!errors.isEmpty()) {
            throw new ServicingException(INVALID_ANSWER_FILE, "The answer file " + paths.answerFile() + " has "
                    + errors.size() + " error(s) for this image (" + session.identity().architecture().dismName()
                    + "), so nothing was applied:\n" + errors.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        }
    }

    /** The Windows version of the image, which decides which components and settings it has. */
    private WindowsVersion targetVersion() {
        ImageIdentity image = session.identity();
        return WindowsVersion.ofKernel(image.major(), image.minor(), image.build());
    }

    /**
     * The components of the offlineServicing pass for the image's processor architecture; the others are named in
     * one line, and every other pass is logged as left to Windows Setup.
     */
    private List<Component> offlineComponents(Unattend unattend, List<String> notes) {
        List<Component> components = new ArrayList<>();
        String architecture = session.identity().architecture().identityName();
        for (Settings settings : unattend.getSettings()) {
            if (settings.getPassKind() == Pass.OFFLINE_SERVICING) {
                List<Component> others = settings.getComponents().stream().filter(c -> c.getProcessorArchitecture() != null
                        && !Architectures.applies(architecture, c.getProcessorArchitecture(), false)).toList();
                if (!others.isEmpty()) {
                    session.log().warning(COMPONENT, "Skipping " + others.size() + " component(s) of the offlineServicing"
                            + " pass for other processor architectures than the image's (" + architecture + "), as Windows"
                            + " Setup does: " + others.stream().map(c -> c.getName() + " (" + c.getProcessorArchitecture()
                                    + ", line " + Positions.line(c) + ")").collect(Collectors.joining(", ")));
                }
                List<Component> mine = settings.getComponents().stream().filter(c -> !others.contains(c)).toList();
                if (mine.isEmpty() && !others.isEmpty()) {
                    session.log().warning(COMPONENT, "The offlineServicing pass (line " + Positions.line(settings) + ") has"
                            + " no component for " + architecture + ": it applies nothing.");
                }
                components.addAll(mine);
            } else {
                String note = "the " + settings.getPass() + " pass (" + settings.getComponents().size() + " component(s), line "
                        + Positions.line(settings) + "): /Apply-Unattend applies only the offlineServicing pass; Windows"
                        + " Setup applies " + settings.getPass() + ".";
                session.log().info(COMPONENT, "Skipping " + note);
                notes.add(note);
            }
        }
        return components;
    }

    private List<PackageStep> packageSteps(Servicing servicing, SourcePaths paths) throws ServicingException {
        List<PackageStep> steps = new ArrayList<>();
        if (servicing == null) {
            return steps;
        }
        PackageServicing packages = new PackageServicing(session);
        for (Package element : servicing.getPackages()) {
            PackageAction action = element.getActionKind();
            AssemblyIdentity named = element.getAssemblyIdentity();
            List<PackageStep.FeatureSelection> features = selections(element, paths);
            if (action == PackageAction.INSTALL || action == PackageAction.STAGE) {
                Path location = paths.resolve(element.getSource().getLocation(), element.getSource(),
                        "the source of " + named.getName());
                PackageSource source = matching(PackageSource.open(location, session.scratch()), named, element, paths);
                if (action == PackageAction.STAGE && !features.isEmpty()) {
                    session.log().warning(COMPONENT, "The selections of the staged package " + named.getName() + " ("
                            + Positions.of(element) + ") are not applied: features are turned on when a package is installed.");
                    features = List.of();
                }
                steps.add(new PackageStep(element, action, source.manifest().identity(), List.of(source), features,
                        kind(source.manifest(), catalog.packages())));
            } else {
                PackageIdentity identity = identity(named, element, paths);
                if (action == PackageAction.REMOVE) {
                    packages.installed(identity);
                    if (!features.isEmpty()) {
                        session.log().warning(COMPONENT, "The selections of " + named.getName() + " ("
                                + Positions.of(element) + ") are not applied: the package is removed.");
                        features = List.of();
                    }
                }
                steps.add(new PackageStep(element, action, identity, List.of(), features, PackageStep.Kind.OTHER));
            }
        }
        return steps;
    }

    private static List<PackageStep.FeatureSelection> selections(Package element, SourcePaths paths) throws ServicingException {
        List<PackageStep.FeatureSelection> features = new ArrayList<>();
        for (Selection selection : element.getSelections()) {
            String state = selection.getState() == null ? "" : selection.getState().trim().toLowerCase(Locale.ROOT);
            if (selection.getName() == null || selection.getName().isBlank() || !(state.equals("true") || state.equals("false"))) {
                throw paths.error(selection, "a selection needs name=\"<feature>\" and state=\"true\" or \"false\"",
                        INVALID_ANSWER_FILE);
            }
            features.add(new PackageStep.FeatureSelection(selection.getName().trim(), state.equals("true")));
        }
        return features;
    }

    /** The package of a source that the assemblyIdentity names (an .msu may hold several). */
    private static PackageSource matching(List<PackageSource> sources, AssemblyIdentity named, Package element,
            SourcePaths paths) throws ServicingException {
        for (PackageSource source : sources) {
            PackageIdentity identity = source.manifest().identity();
            if (identity.name().equalsIgnoreCase(named.getName())
                    && (named.getVersion() == null || identity.version().equals(named.getVersion()))) {
                return source;
            }
        }
        throw paths.error(element, "the source of " + named.getName() + " holds "
                + sources.stream().map(s -> s.manifest().identity().toString()).collect(Collectors.joining(", "))
                + ", not the package the assemblyIdentity names (" + named.getName() + " " + named.getVersion() + ")",
                ServicingException.INVALID_PACKAGE);
    }

    private static PackageIdentity identity(AssemblyIdentity named, Package element, SourcePaths paths)
            throws ServicingException {
        if (named.getVersion() == null || named.getProcessorArchitecture() == null || named.getPublicKeyToken() == null) {
            throw paths.error(named, "the assemblyIdentity of " + named.getName() + " needs version, processorArchitecture"
                    + " and publicKeyToken to name an installed package", INVALID_ANSWER_FILE);
        }
        String language = named.getLanguage() == null || named.getLanguage().equalsIgnoreCase("neutral") ? ""
                : named.getLanguage();
        return new PackageIdentity(named.getName(), named.getPublicKeyToken(), named.getProcessorArchitecture(), language,
                named.getVersion());
    }

    private static PackageStep.Kind kind(PackageManifest manifest, PackageRules rules) {
        String name = manifest.identity().name();
        if (manifest.isLanguagePack() || rules.isLanguagePack(name)) {
            return PackageStep.Kind.LANGUAGE_PACK;
        }
        return manifest.isUpdate() || rules.isUpdate(name) ? PackageStep.Kind.UPDATE : PackageStep.Kind.OTHER;
    }

    /** Every selected feature must be a feature of its package (installed, or installed by this file). */
    private void checkFeatures(List<PackageStep> steps, SourcePaths paths) throws ServicingException {
        PackageServicing packages = new PackageServicing(session);
        for (PackageStep step : steps) {
            if (step.features().isEmpty()) {
                continue;
            }
            Optional<PackageManifest> manifest = step.sources().isEmpty()
                    ? steps.stream().filter(s -> !s.sources().isEmpty() && s.identity().matches(step.identity()))
                            .map(s -> s.sources().get(0).manifest()).findFirst()
                    : Optional.of(step.sources().get(0).manifest());
            List<String> names;
            if (manifest.isPresent()) {
                names = manifest.get().features().stream().map(PackageManifest.Update::name).toList();
            } else {
                InstalledPackage installed = packages.installed(step.identity());
                names = packages.features(Optional.of(installed.identity())).stream().map(Feature::name).toList();
            }
            for (PackageStep.FeatureSelection feature : step.features()) {
                if (names.stream().noneMatch(n -> n.equalsIgnoreCase(feature.name()))) {
                    throw paths.error(step.element(), "the package " + step.name() + " has no feature " + feature.name()
                            + (names.isEmpty() ? "" : "; its features are " + String.join(", ", names)),
                            ServicingException.UNKNOWN_FEATURE);
                }
            }
        }
    }

    /** Opens the driver packages of every driver path; says in folders what each path holds. */
    private List<DriverPackage> openDrivers(DriverServicing drivers, OfflineSettings settings, List<String> folders)
            throws ServicingException {
        List<DriverPackage> packages = new ArrayList<>();
        for (OfflineSettings.DriverPath path : settings.driverPaths()) {
            List<DriverPackage> found = drivers.open(DriverServicing.findInfs(path.folder(), true), true);
            String folder = found.size() + " driver package(s) in " + path.folder() + " and its subfolders (line "
                    + Positions.line(path.element()) + ")";
            session.log().info(COMPONENT, "Found " + folder);
            folders.add(folder);
            packages.addAll(found);
        }
        return packages;
    }

    private void applyPackages(List<PackageStep> steps, List<String> actions) throws ServicingException {
        PackageServicing packages = new PackageServicing(session);
        for (PackageStep step : steps) {
            switch (step.action()) {
                case REMOVE -> {
                    packages.remove(step.identity());
                    actions.add("Removed package " + step.identity());
                }
                case STAGE -> {
                    packages.stage(step.sources());
                    actions.add("Staged package " + step.identity());
                }
                case INSTALL -> {
                    PackageServicing.AddResult result = packages.add(step.sources(),
                            new PackageServicing.AddOptions(false, false)).get(0);
                    actions.add("Installed package " + result.identity() + " (" + result.state().packageText() + ")");
                }
                default -> {
                    // configure: only its selections
                }
            }
            setFeatures(packages, step, true, actions);
            setFeatures(packages, step, false, actions);
        }
    }

    private static void setFeatures(PackageServicing packages, PackageStep step, boolean enable, List<String> actions)
            throws ServicingException {
        List<String> names = step.features().stream().filter(f -> f.enable() == enable)
                .map(PackageStep.FeatureSelection::name).toList();
        if (!names.isEmpty()) {
            for (Feature feature : packages.setFeatures(names, Optional.of(step.identity()), enable)) {
                actions.add((enable ? "Enabled" : "Disabled") + " feature " + feature.name() + " of " + step.name()
                        + (feature.state() == PackageState.INSTALLED || feature.state() == PackageState.STAGED ? ""
                                : " (" + feature.state().featureText() + ")"));
            }
        }
    }

    /** The error of a failed apply, whose transaction has put the image back as it was. */
    private ServicingException notApplied(Exception failure) {
        String why = failure.getMessage();
        int code = failure instanceof ServicingException s ? s.errorCode() : ServicingException.ACCESS_DENIED;
        if (session.image().isStaged()) {
            session.log().error(COMPONENT, "The answer file was not applied; nothing was written to "
                    + session.image().description() + ": " + why);
            return new ServicingException(code, why + " The answer file was not applied: nothing was written to the"
                    + " image.", failure);
        }
        session.log().error(COMPONENT, "The answer file was not applied; the image was put back as it was: " + why);
        return new ServicingException(code, why + " The answer file was not applied: the image was put back as it"
                + " was.", failure);
    }
}
