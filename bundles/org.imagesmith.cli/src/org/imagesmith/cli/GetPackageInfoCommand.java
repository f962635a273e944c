package org.imagesmith.cli;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.servicing.ServicingRun;
import org.imagesmith.servicing.ServicingSession;
import org.imagesmith.servicing.packages.Feature;
import org.imagesmith.servicing.packages.InstalledPackage;
import org.imagesmith.servicing.packages.PackageIdentity;
import org.imagesmith.servicing.packages.PackageManifest;
import org.imagesmith.servicing.packages.PackageServicing;
import org.imagesmith.servicing.packages.PackageSource;

/** {@code /Get-PackageInfo /PackageName:<identity> | /PackagePath:<cab>}: one package in detail. */
final class GetPackageInfoCommand extends ImageServicingCommand {
    GetPackageInfoCommand() {
        super(List.of("Get-PackageInfo"), Set.of("PackageName", "PackagePath"),
                "/Image:<dir> /Get-PackageInfo /PackageName:<identity> | /PackagePath:<file>   Shows one package.");
    }

    /** Reads the image only. */
    @Override
    ServicingRun.Access access(CommandLine commandLine) {
        return ServicingRun.Access.READ;
    }

    @Override
    int run(CommandLine commandLine, DismConsole console, ServicingSession session)
            throws CommandLineException, ServicingException {
        PackageServicing packages = new PackageServicing(session);
        PackageIdentity identity = PackageArguments.identity(commandLine, session).orElseThrow(() ->
                new CommandLineException("Give the package with /PackageName:<identity> or /PackagePath:<file>."));
        Optional<InstalledPackage> installed = packages.packages().stream().filter(p -> p.identity().matches(identity))
                .findFirst();
        Optional<PackageSource> source = installed.isPresent() ? Optional.empty()
                : Optional.of(PackageArguments.sources(commandLine, session).get(0));
        Optional<PackageManifest> manifest = installed.isPresent() ? packages.manifest(identity)
                : source.map(PackageSource::manifest);
        // the very check /Add-Package makes (without /IgnoreCheck): "Yes" exactly when it would take the package
        Optional<ServicingException> refusal = source.flatMap(s -> packages.refusal(s, false));
        refusal.ifPresent(e -> session.log().info("DISM Package Manager", "Not applicable: " + e.getMessage()));
        if (installed.isEmpty() && commandLine.has("PackageName")) {
            packages.installed(identity); // throws: the image has no such package
        }
        console.line("Package information:");
        console.blank();
        console.field("Package Identity", identity);
        console.field("Applicable", refusal.isPresent() ? "No" : "Yes");
        console.field("Copyright", manifest.map(PackageManifest::copyright).orElse(""));
        console.field("Company", manifest.map(PackageManifest::company).orElse(""));
        console.field("Creation Time", manifest.map(PackageManifest::creationTimeStamp).orElse(""));
        console.field("Description", manifest.map(PackageManifest::description).orElse(""));
        console.field("Install Client", installed.map(InstalledPackage::installClient).orElse(""));
        console.field("Install Package Name", installed.map(InstalledPackage::installName).orElse(""));
        console.field("Install Time", installed.flatMap(InstalledPackage::installTime).map(console::shortDate).orElse(""));
        console.field("Last Update Time", "");
        console.field("Name", manifest.map(PackageManifest::displayName).orElse(""));
        console.field("Product Name", identity.name());
        console.field("Product Version", identity.version());
        console.field("Release Type", manifest.map(PackageManifest::releaseType).orElse(""));
        console.field("Restart Required", capitalized(manifest.map(PackageManifest::restart).orElse("possible")));
        console.field("Support Information", manifest.map(PackageManifest::supportInformation).orElse(""));
        console.field("State", installed.map(p -> p.state().packageText()).orElse("Not Present"));
        console.blank();
        console.line("Custom Properties:");
        console.blank();
        console.line("(No custom properties found)");
        console.blank();
        console.line("Features listing for package : " + identity);
        console.blank();
        List<Feature> features = installed.isPresent() ? packages.features(Optional.of(identity)) : List.of();
        if (installed.isEmpty()) {
            manifest.get().features().forEach(f -> {
                console.field("Feature Name", f.name());
                console.field("State", "Not Present");
                console.blank();
            });
        } else if (features.isEmpty()) {
            console.line("(No features found for this package)");
            console.blank();
        }
        for (Feature feature : features) {
            console.field("Feature Name", feature.name());
            console.field("State", feature.state().featureText());
            console.blank();
        }
        console.success();
        return ExitCode.SUCCESS;
    }

    static String capitalized(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
