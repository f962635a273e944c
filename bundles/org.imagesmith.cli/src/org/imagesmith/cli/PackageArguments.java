package org.imagesmith.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.servicing.ServicingSession;
import org.imagesmith.servicing.packages.PackageIdentity;
import org.imagesmith.servicing.packages.PackageSource;

/** /PackageName and /PackagePath, as the package commands take them. */
final class PackageArguments {
    private PackageArguments() {
    }

    /** The identity of /PackageName, or of the package at /PackagePath, if either is given. */
    static Optional<PackageIdentity> identity(CommandLine commandLine, ServicingSession session)
            throws CommandLineException, ServicingException {
        Optional<String> name = commandLine.value("PackageName");
        Optional<String> path = commandLine.value("PackagePath");
        if (name.isPresent() && path.isPresent()) {
            throw new CommandLineException("Give either /PackageName or /PackagePath, not both.");
        }
        if (name.isPresent()) {
            try {
                return Optional.of(PackageIdentity.parse(name.get()));
            } catch (IllegalArgumentException e) {
                throw new CommandLineException(e.getMessage());
            }
        }
        if (path.isPresent()) {
            List<PackageSource> sources = PackageSource.open(Path.of(path.get()), session.scratch());
            return Optional.of(sources.get(0).manifest().identity());
        }
        return Optional.empty();
    }

    /** Every /PackagePath, in command-line order, expanded into packages. */
    static List<PackageSource> sources(CommandLine commandLine, ServicingSession session)
            throws CommandLineException, ServicingException {
        List<PackageSource> sources = new ArrayList<>();
        for (String value : commandLine.values("PackagePath", "Windows6.1-KB976932-X64.cab")) {
            if (value.contains("*") || value.contains("?")) {
                throw new CommandLineException("Wildcards are not supported in /PackagePath (" + value
                        + "); give each package, or the folder of an expanded package.");
            }
            sources.addAll(PackageSource.open(Path.of(value), session.scratch()));
        }
        if (sources.isEmpty()) {
            throw new CommandLineException("The option /PackagePath is missing; give it as /PackagePath:<.cab, .msu or folder>.");
        }
        return sources;
    }
}
