package org.imagesmith.servicing.packages;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.imagesmith.cab.Cabinet;
import org.imagesmith.cab.MsuFile;
import org.imagesmith.servicing.ScratchDirectory;
import org.imagesmith.servicing.ServicingException;

/**
 * A package as given on the command line (/PackagePath): a package cabinet, a .msu holding package cabinets,
 * or a folder with an expanded package. Each package is expanded into the scratch folder and found by its
 * update.mum.
 */
public record PackageSource(Path origin, Path folder, PackageManifest manifest, Path manifestFile) {

    /**
     * Expands what a /PackagePath names into one or more packages.
     *
     * @throws ServicingException when the path does not exist, is a Windows Installer package or a service pack
     *         installer, or holds no valid package
     */
    public static List<PackageSource> open(Path path, ScratchDirectory scratch) throws ServicingException {
        if (!Files.exists(path)) {
            throw new ServicingException(ServicingException.FILE_NOT_FOUND, "The package " + path + " does not exist.");
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".msi") || name.endsWith(".msp")) {
            throw new ServicingException(ServicingException.NOT_SUPPORTED_OFFLINE, "The package " + path
                    + " is a Windows Installer package. Windows Installer packages are installed online, with msiexec,"
                    + " not added to an offline image.");
        }
        if (name.endsWith(".exe")) {
            throw new ServicingException(ServicingException.NOT_SUPPORTED_OFFLINE, "The package " + path + " is a"
                    + " program (service packs and some updates come as installers). Extract its .cab or .msu and add that.");
        }
        try {
            if (Files.isDirectory(path)) {
                return List.of(fromFolder(path, path));
            }
            if (name.endsWith(".msu")) {
                return fromMsu(path, scratch);
            }
            return List.of(fromCabinet(path, scratch));
        } catch (IOException e) {
            throw new ServicingException(ServicingException.INVALID_PACKAGE, "The package " + path
                    + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static List<PackageSource> fromMsu(Path msu, ScratchDirectory scratch) throws IOException, ServicingException {
        List<PackageSource> packages = new ArrayList<>();
        try (MsuFile file = MsuFile.open(msu)) {
            Path inner = scratch.newFolder("msu-");
            List<Path> cabinets = file.extractPackages(inner);
            if (cabinets.isEmpty()) {
                throw new ServicingException(ServicingException.INVALID_PACKAGE, "The update " + msu
                        + " holds no package cabinet (Windows*-KB*.cab), so it is not a valid .msu.");
            }
            for (Path cabinet : cabinets) {
                packages.add(fromCabinet(cabinet, scratch).withOrigin(msu));
            }
        }
        return packages;
    }

    private static PackageSource fromCabinet(Path cab, ScratchDirectory scratch) throws IOException, ServicingException {
        Path folder = scratch.newFolder("package-");
        try (Cabinet cabinet = Cabinet.open(cab)) {
            cabinet.extractAll(folder);
        }
        return fromFolder(folder, cab);
    }

    private static PackageSource fromFolder(Path folder, Path origin) throws IOException, ServicingException {
        Path manifest = folder.resolve("update.mum");
        if (!Files.isRegularFile(manifest)) {
            List<Path> mums = new ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, "*.mum")) {
                entries.forEach(mums::add);
            }
            if (mums.size() != 1) {
                throw new ServicingException(ServicingException.INVALID_PACKAGE, "The package " + origin
                        + " holds " + (mums.isEmpty() ? "no update.mum" : mums.size() + " .mum files and no update.mum")
                        + ", so it is not a servicing package.");
            }
            manifest = mums.get(0);
        }
        return new PackageSource(origin, folder, PackageManifest.parse(Files.readAllBytes(manifest), origin.toString()),
                manifest);
    }

    private PackageSource withOrigin(Path newOrigin) {
        return new PackageSource(newOrigin, folder, manifest, manifestFile);
    }

    /** The package's catalog (update.cat, or the .cat named like the manifest), if it has one. */
    public Path catalog() {
        String base = manifestFile.getFileName().toString();
        return folder.resolve(base.substring(0, base.length() - 4) + ".cat");
    }
}
