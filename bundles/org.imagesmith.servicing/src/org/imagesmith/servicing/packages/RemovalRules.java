package org.imagesmith.servicing.packages;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.servicing.ServicingSession;
import org.imagesmith.servicing.international.InstalledLanguage;
import org.imagesmith.servicing.international.InternationalServicing;
import org.imagesmith.servicing.international.InternationalSettings;

/**
 * Windows' rules for uninstalling a package, checked before anything changes: a permanent package (the foundation
 * package, a package whose manifest says {@code permanence="permanent"}, or one CBS records as Permanent) stays;
 * a package that other installed packages apply to (parent) or depend on stays while they are there; the language
 * pack of the default UI language, of a fallback language or of the last language stays.
 */
final class RemovalRules {
    private final ServicingSession session;
    private final PackageServicing packages;

    RemovalRules(ServicingSession session, PackageServicing packages) {
        this.session = session;
        this.packages = packages;
    }

    /** Throws the error DISM reports when the package cannot be removed. */
    void check(InstalledPackage target) throws ServicingException {
        PackageIdentity identity = target.identity();
        Optional<PackageManifest> manifest = packages.manifest(identity);
        boolean permanent = target.state() == PackageState.PERMANENT
                || manifest.map(m -> m.permanent() || m.isFoundation()).orElse(false);
        if (permanent) {
            throw new ServicingException(ServicingException.CANNOT_UNINSTALL, "The package " + identity + " is permanent ("
                    + (manifest.map(PackageManifest::isFoundation).orElse(false) ? "the foundation package of the image"
                            : "part of the operating system") + ") and cannot be uninstalled.");
        }
        List<String> dependents = dependents(identity);
        if (!dependents.isEmpty()) {
            throw new ServicingException(ServicingException.DEPENDENT_FAILURE, "The package " + identity
                    + " cannot be removed: the installed package" + (dependents.size() == 1 ? " " : "s ")
                    + String.join(", ", dependents) + (dependents.size() == 1 ? " needs" : " need")
                    + " it. Remove " + (dependents.size() == 1 ? "that package" : "those packages") + " first.");
        }
        boolean languagePack = manifest.map(PackageManifest::isLanguagePack)
                .orElse(identity.name().contains("LanguagePack"));
        if (languagePack && identity.isLanguageSpecific()) {
            checkLanguage(identity);
        }
    }

    /** The installed packages that apply to or depend on the package and that no other installed package serves. */
    private List<String> dependents(PackageIdentity removed) throws ServicingException {
        List<InstalledPackage> remaining = packages.packages().stream()
                .filter(p -> p.state() != PackageState.ABSENT && !p.identity().matches(removed)).toList();
        List<String> result = new ArrayList<>();
        for (InstalledPackage pkg : remaining) {
            Optional<PackageManifest> manifest = packages.manifest(pkg.identity());
            if (manifest.isEmpty()) {
                continue;
            }
            List<PackageManifest.Parent> parents = manifest.get().parents();
            boolean parentRemoved = !parents.isEmpty()
                    && parents.stream().anyMatch(parent -> serves(removed, parent.identity(), parent.buildCompare()))
                    && parents.stream().noneMatch(parent -> servedBy(remaining, parent.identity(), parent.buildCompare()));
            boolean dependencyRemoved = manifest.get().dependencies().stream()
                    .anyMatch(d -> serves(removed, d, "GE") && !servedBy(remaining, d, "GE"));
            if (parentRemoved || dependencyRemoved) {
                result.add(pkg.identity().toString());
            }
        }
        return result;
    }

    private static boolean servedBy(List<InstalledPackage> installed, PackageIdentity wanted, String buildCompare) {
        return installed.stream().filter(p -> p.state().isInstalled())
                .anyMatch(p -> serves(p.identity(), wanted, buildCompare));
    }

    private static boolean serves(PackageIdentity candidate, PackageIdentity wanted, String buildCompare) {
        return candidate.name().equalsIgnoreCase(wanted.name())
                && PackageServicing.versionFits(candidate.version(), wanted.version(), buildCompare);
    }

    private void checkLanguage(PackageIdentity identity) throws ServicingException {
        InternationalSettings settings = new InternationalServicing(session).settings();
        String tag = identity.language();
        if (settings.uiLanguage().filter(tag::equalsIgnoreCase).isPresent()) {
            throw languageNeeded(identity, tag + " is the default UI language of the image. Make another installed"
                    + " language the default with /Set-UILang first");
        }
        if (settings.uiLanguageFallback().stream().anyMatch(tag::equalsIgnoreCase)) {
            throw languageNeeded(identity, tag + " is the UI language fallback of the image. Set another fallback with"
                    + " /Set-UILangFallback first");
        }
        boolean others = settings.installedLanguages().stream().map(InstalledLanguage::tag)
                .anyMatch(other -> !other.toLowerCase(Locale.ROOT).equals(tag.toLowerCase(Locale.ROOT)));
        if (!others) {
            throw languageNeeded(identity, tag + " is the last language of the image, which needs one");
        }
    }

    private static ServicingException languageNeeded(PackageIdentity identity, String why) {
        return new ServicingException(ServicingException.CANNOT_UNINSTALL, "The language pack " + identity
                + " cannot be uninstalled: " + why + ".");
    }
}
