package org.imagesmith.unattend.validation;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.imagesmith.unattend.catalog.PackageRules;
import org.imagesmith.unattend.model.AssemblyIdentity;
import org.imagesmith.unattend.model.Package;
import org.imagesmith.unattend.model.PackageAction;
import org.imagesmith.unattend.model.Servicing;
import org.imagesmith.unattend.model.Source;
import org.imagesmith.unattend.model.Unattend;

/** The rules on the servicing section: actions, architectures, sources and the order of installs. */
final class ServicingRules {
    private final PackageRules rules;
    private final ValidationOptions options;
    private final Problems problems;

    ServicingRules(PackageRules rules, ValidationOptions options, Problems problems) {
        this.rules = rules;
        this.options = options;
        this.problems = problems;
    }

    void check(Unattend unattend) {
        Servicing servicing = unattend.getServicing();
        if (servicing == null) {
            return;
        }
        List<Package> packages = servicing.getPackages();
        for (Package pkg : packages) {
            packageItself(pkg);
        }
        order(packages);
        dependencies(packages);
    }

    private void packageItself(Package pkg) {
        PackageAction action = pkg.getActionKind();
        if (action == null) {
            problems.add(Severity.ERROR, IssueCodes.INVALID_VALUE, pkg, "<package action=\"" + pkg.getAction()
                    + "\">: the action must be install, remove, stage or configure");
        }
        AssemblyIdentity identity = pkg.getAssemblyIdentity();
        if (identity == null) {
            problems.add(Severity.ERROR, IssueCodes.MISSING_IDENTITY, pkg, "the package has no <assemblyIdentity>; name the package to "
                    + (pkg.getAction() == null ? "service" : pkg.getAction()));
        } else if (options.targetArchitecture() != null && identity.getProcessorArchitecture() != null
                && !Architectures.applies(options.targetArchitecture(), identity.getProcessorArchitecture(), true)) {
            problems.add(Severity.ERROR, IssueCodes.ARCHITECTURE_MISMATCH, identity, "the package " + identity.getName()
                    + " is for processorArchitecture=\"" + identity.getProcessorArchitecture() + "\" but the image is "
                    + options.targetArchitecture() + "; use the " + options.targetArchitecture() + " package");
        }
        Source source = pkg.getSource();
        if (source == null) {
            if (action == PackageAction.INSTALL || action == PackageAction.STAGE) {
                problems.add(Severity.ERROR, IssueCodes.MISSING_SOURCE, pkg, "the package " + name(pkg) + " is to be "
                        + (action == PackageAction.INSTALL ? "installed" : "staged") + " but has no <source location=\"...\"/>");
            }
            return;
        }
        String location = source.getLocation();
        if (location == null || location.isBlank()) {
            problems.add(Severity.ERROR, IssueCodes.MISSING_SOURCE, source, "the source of " + name(pkg) + " has no location");
            return;
        }
        String variable = Placeholders.find(location);
        if (variable != null) {
            problems.add(Severity.ERROR, IssueCodes.UNFILLED_PLACEHOLDER, source, "the source location '" + location + "' of "
                    + name(pkg) + " is the variable " + variable + ", which nothing expands when the package is added;"
                    + " write the path of the package");
            return;
        }
        sourceExists(pkg, source, location.trim());
    }

    private void sourceExists(Package pkg, Source source, String location) {
        if (location.startsWith("\\\\") || location.startsWith("//")) {
            problems.add(Severity.INFO, IssueCodes.SOURCE_NOT_CHECKED, source, "the network source " + location + " of " + name(pkg)
                    + " is not checked; make sure it is reachable when the file is applied");
            return;
        }
        boolean windowsAbsolute = location.length() >= 3 && Character.isLetter(location.charAt(0)) && location.charAt(1) == ':'
                && (location.charAt(2) == '\\' || location.charAt(2) == '/');
        Path path;
        try {
            if (windowsAbsolute && !java.io.File.separator.equals("\\")) {
                problems.add(Severity.INFO, IssueCodes.SOURCE_NOT_CHECKED, source, "the Windows path " + location + " of " + name(pkg)
                        + " cannot be checked on this system; use a path relative to the answer file to have it checked");
                return;
            }
            path = Path.of(java.io.File.separatorChar == '\\' ? location : location.replace('\\', '/'));
        } catch (InvalidPathException e) {
            problems.add(Severity.ERROR, IssueCodes.MISSING_SOURCE, source, "the source location '" + location + "' of " + name(pkg)
                    + " is not a valid path: " + e.getReason());
            return;
        }
        if (!path.isAbsolute()) {
            if (options.answerFileDirectory() == null) {
                return;
            }
            path = options.answerFileDirectory().resolve(path).normalize();
        }
        if (!Files.exists(path)) {
            problems.add(Severity.ERROR, IssueCodes.MISSING_SOURCE, source, "the source of " + name(pkg) + " does not exist: "
                    + path + " (from location=\"" + location + "\")");
        }
    }

    /** Language packs must come before updates. */
    private void order(List<Package> packages) {
        Package firstUpdate = null;
        for (Package pkg : packages) {
            if (pkg.getActionKind() != PackageAction.INSTALL || pkg.getAssemblyIdentity() == null) {
                continue;
            }
            String name = pkg.getAssemblyIdentity().getName();
            if (rules.isUpdate(name)) {
                if (firstUpdate == null) {
                    firstUpdate = pkg;
                }
            } else if (firstUpdate != null && rules.isLanguagePack(name)) {
                problems.add(Severity.WARNING, IssueCodes.LANGUAGE_PACK_AFTER_UPDATE, pkg, "the language package " + name
                        + " is installed after the update " + name(firstUpdate) + " (" + Problems.at(firstUpdate)
                        + "); install language packs before updates, or the update has to be installed again");
            }
        }
    }

    /** A package that another needs must be installed before it. */
    private void dependencies(List<Package> packages) {
        for (int i = 0; i < packages.size(); i++) {
            Package dependent = packages.get(i);
            if (dependent.getActionKind() != PackageAction.INSTALL || dependent.getAssemblyIdentity() == null) {
                continue;
            }
            String name = dependent.getAssemblyIdentity().getName();
            for (PackageRules.Dependency dependency : rules.dependencies()) {
                Optional<String> language = dependency.dependent().match(name);
                if (language.isEmpty()) {
                    continue;
                }
                for (int j = i + 1; j < packages.size(); j++) {
                    Package later = packages.get(j);
                    if (later.getActionKind() == PackageAction.INSTALL && later.getAssemblyIdentity() != null
                            && dependency.requires().matches(later.getAssemblyIdentity().getName(), language.get())) {
                        problems.add(Severity.ERROR, IssueCodes.DEPENDENCY_ORDER, dependent, "the package " + name + " needs "
                                + name(later) + ", which is installed after it (" + Problems.at(later) + "); move "
                                + name(later) + " before it");
                        break;
                    }
                }
            }
        }
    }

    private static String name(Package pkg) {
        AssemblyIdentity identity = pkg.getAssemblyIdentity();
        return identity == null || identity.getName() == null ? "<package>" : identity.getName();
    }
}
