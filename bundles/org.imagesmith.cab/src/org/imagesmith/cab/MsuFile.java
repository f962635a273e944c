package org.imagesmith.cab;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A Microsoft Update Standalone Package (.msu): a cabinet holding the update's package cabinets (such as
 * {@code Windows10.0-KB5034441-x64.cab}), a {@code *-pkgProperties.txt}, an .xml and usually {@code WSUSSCAN.cab}.
 */
public final class MsuFile implements Closeable {
    /** The largest pkgProperties.txt read. */
    private static final long MAX_PROPERTIES = 1 << 20;
    private static final String WSUS_SCAN = "wsusscan.cab";

    private final Cabinet cabinet;

    private MsuFile(Cabinet cabinet) {
        this.cabinet = cabinet;
    }

    /**
     * Opens an .msu file.
     *
     * @throws CabinetFormatException when the file is not a cabinet or holds no package cabinet
     */
    public static MsuFile open(Path path) throws IOException {
        Cabinet cabinet = Cabinet.open(path);
        MsuFile msu = new MsuFile(cabinet);
        if (msu.packageCabinets().isEmpty()) {
            cabinet.close();
            throw new CabinetFormatException("'" + path.getFileName() + "' is a cabinet but not an update package:"
                    + " it holds no package cabinet (.cab other than WSUSSCAN.cab)");
        }
        return msu;
    }

    /** The outer cabinet, for access to every entry. */
    public Cabinet cabinet() {
        return cabinet;
    }

    /** The package cabinets: every .cab at the top level except WSUSSCAN.cab. */
    public List<CabinetEntry> packageCabinets() {
        List<CabinetEntry> list = new ArrayList<>();
        for (CabinetEntry entry : cabinet.entries()) {
            String name = entry.name().toLowerCase(Locale.ROOT);
            if (name.endsWith(".cab") && !name.equals(WSUS_SCAN) && name.indexOf('\\') < 0) {
                list.add(entry);
            }
        }
        return list;
    }

    /** The {@code *-pkgProperties.txt} entry, if there is one. */
    public Optional<CabinetEntry> propertiesEntry() {
        return cabinet.entries().stream()
                .filter(entry -> entry.name().toLowerCase(Locale.ROOT).endsWith("pkgproperties.txt")).findFirst();
    }

    /** The package's .xml entry (the unattend-style description used by wusa), if there is one. */
    public Optional<CabinetEntry> xmlEntry() {
        return cabinet.entries().stream().filter(entry -> entry.name().toLowerCase(Locale.ROOT).endsWith(".xml"))
                .findFirst();
    }

    /** The parsed pkgProperties.txt, empty when the package has none. */
    public MsuPackageProperties properties() throws IOException {
        Optional<CabinetEntry> entry = propertiesEntry();
        if (entry.isEmpty()) {
            return new MsuPackageProperties(Map.of());
        }
        if (entry.get().size() > MAX_PROPERTIES) {
            throw new CabinetFormatException("'" + entry.get().name() + "' has " + entry.get().size()
                    + " bytes; a package properties file is a few hundred");
        }
        return MsuPackageProperties.parse(cabinet.read(entry.get()));
    }

    /** Extracts one package cabinet into {@code directory}; returns the file written. */
    public Path extractPackage(CabinetEntry packageCabinet, Path directory) throws IOException {
        if (!packageCabinets().contains(packageCabinet)) {
            throw new IllegalArgumentException("'" + packageCabinet.name() + "' is not a package cabinet of this .msu");
        }
        return cabinet.extract(packageCabinet, directory);
    }

    /** Extracts every package cabinet into {@code directory}; returns the files written. */
    public List<Path> extractPackages(Path directory) throws IOException {
        List<CabinetEntry> packages = packageCabinets();
        for (CabinetEntry entry : packages) {
            EntryNames.resolve(directory, entry.name());
        }
        List<Path> written = new ArrayList<>();
        for (CabinetEntry entry : packages) {
            written.add(cabinet.extract(entry, directory));
        }
        return written;
    }

    @Override
    public void close() throws IOException {
        cabinet.close();
    }
}
