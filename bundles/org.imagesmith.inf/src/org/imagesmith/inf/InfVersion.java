package org.imagesmith.inf;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The [Version] section: Signature, Class, ClassGuid, Provider, DriverVer (date and version) and CatalogFile with
 * its decorated variants (CatalogFile.NTamd64 = ..., keyed by the decoration in lower case).
 */
public record InfVersion(String signature, Optional<String> infClass, Optional<String> classGuid,
        Optional<String> provider, Optional<LocalDate> driverDate, Optional<String> driverVersion,
        Optional<String> catalogFile, Map<String, String> decoratedCatalogFiles) {

    public InfVersion {
        decoratedCatalogFiles = Collections.unmodifiableMap(new LinkedHashMap<>(decoratedCatalogFiles));
    }

    /** The catalog for an architecture: CatalogFile.NTarch, else CatalogFile.NT, else CatalogFile. */
    public Optional<String> catalogFile(Architecture architecture) {
        String specific = decoratedCatalogFiles.get("nt" + architecture.infName());
        if (specific != null) {
            return Optional.of(specific);
        }
        String nt = decoratedCatalogFiles.get("nt");
        return nt != null ? Optional.of(nt) : catalogFile;
    }

    static InfVersion parse(InfFile inf) throws InfFormatException {
        InfSection section = inf.section("Version").orElseThrow(
                () -> new InfFormatException(inf.name() + " has no [Version] section"));
        String signature = section.value("Signature").orElseThrow(
                () -> new InfFormatException(inf.name() + ": [Version] has no Signature"));
        if (!signature.equalsIgnoreCase("$Windows NT$") && !signature.equalsIgnoreCase("$Chicago$")
                && !signature.equalsIgnoreCase("$Windows 95$")) {
            throw new InfFormatException(inf.name() + ": [Version] Signature is '" + signature
                    + "'; Windows INF files have $Windows NT$ or $Chicago$");
        }
        Optional<LocalDate> date = Optional.empty();
        Optional<String> version = Optional.empty();
        Optional<InfLine> driverVer = section.line("DriverVer");
        if (driverVer.isPresent()) {
            String where = inf.name() + " line " + driverVer.get().lineNumber();
            date = Optional.of(parseDate(driverVer.get().value(0), where));
            String text = driverVer.get().value(1);
            if (!text.isEmpty()) {
                version = Optional.of(checkVersion(text, where));
            }
        }
        Map<String, String> decorated = new LinkedHashMap<>();
        for (InfLine line : section.lines()) {
            if (line.key() != null && line.key().toLowerCase(Locale.ROOT).startsWith("catalogfile.")) {
                decorated.putIfAbsent(line.key().substring("catalogfile.".length()).toLowerCase(Locale.ROOT),
                        line.value());
            }
        }
        return new InfVersion(signature, section.value("Class"), section.value("ClassGuid"), section.value("Provider"),
                date, version, section.value("CatalogFile"), decorated);
    }

    /** A DriverVer date, mm/dd/yyyy. */
    private static LocalDate parseDate(String text, String where) throws InfFormatException {
        String[] parts = text.split("/");
        try {
            if (parts.length == 3 && parts[2].strip().length() == 4) {
                return LocalDate.of(Integer.parseInt(parts[2].strip()), Integer.parseInt(parts[0].strip()),
                        Integer.parseInt(parts[1].strip()));
            }
        } catch (NumberFormatException | DateTimeException e) {
            throw new InfFormatException(where + ": the DriverVer date '" + text + "' is not a date (mm/dd/yyyy)", e);
        }
        throw new InfFormatException(where + ": the DriverVer date '" + text + "' is not in the form mm/dd/yyyy");
    }

    /** A DriverVer version: one to four numbers of 0 to 65535 separated by dots. */
    private static String checkVersion(String text, String where) throws InfFormatException {
        String[] parts = text.split("\\.", -1);
        if (parts.length > 4) {
            throw new InfFormatException(where + ": the DriverVer version '" + text + "' has more than four parts");
        }
        for (String part : parts) {
            int value;
            try {
                value = Integer.parseInt(part.strip());
            } catch (NumberFormatException e) {
                throw new InfFormatException(where + ": the DriverVer version '" + text + "' is not w.x.y.z", e);
            }
            if (value < 0 || value > 0xFFFF) {
                throw new InfFormatException(where + ": the DriverVer version '" + text
                        + "' has a part outside 0-65535");
            }
        }
        return text.strip();
    }
}
