package org.imagesmith.servicing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.imagesmith.registry.ControlSets;
import org.imagesmith.registry.Hive;
import org.imagesmith.registry.RegistryKey;
import org.imagesmith.registry.ValueType;
import org.imagesmith.registry.ValueTypeMismatchException;
import org.imagesmith.servicing.international.NlsData;
import org.imagesmith.servicing.international.NlsLocale;
import org.imagesmith.wim.WindowsInfo;
import org.imagesmith.wim.WindowsVersion;

/**
 * What a captured Windows installation says about itself, for the WINDOWS element of a WIM image's XML data, read
 * where DISM and wimlib read it: the processor architecture from the machine field of System32\kernel32.dll's PE
 * header; product name, edition, installation type and version from the SOFTWARE hive's CurrentVersion key; service
 * pack, product type and suite, HAL, UI languages and the install language from the SYSTEM hive. The system root is
 * the top-level folder holding most of kernel32.dll, SOFTWARE and SYSTEM ("Windows" on a tie). What cannot be read
 * is left out and said in a warning; a tree without such a folder is no Windows installation.
 *
 * @param windows the WINDOWS element's content
 * @param warnings what could not be read, and why
 */
public record WindowsDescription(WindowsInfo windows, List<String> warnings) {

    private static final String CURRENT_VERSION = "Microsoft\\Windows NT\\CurrentVersion";
    /** The device class of computers, whose first device names the HAL. */
    private static final String COMPUTER_CLASS = "Control\\Class\\{4D36E966-E325-11CE-BFC1-08002BE10318}\\0000";

    public WindowsDescription {
        warnings = List.copyOf(warnings);
    }

    /** Reads the Windows installation under {@code tree}; empty when the tree holds none. */
    public static Optional<WindowsDescription> read(Path tree) throws IOException {
        SystemRoot root = findSystemRoot(tree).orElse(null);
        if (root == null) {
            return Optional.empty();
        }
        Reading reading = new Reading();
        root.kernel32().ifPresent(reading::readKernel32);
        root.software().flatMap(file -> reading.hive(file, "SOFTWARE")).ifPresent(reading::readSoftware);
        root.system().flatMap(file -> reading.hive(file, "SYSTEM")).ifPresent(reading::readSystem);
        WindowsInfo info = new WindowsInfo(reading.architecture, reading.productName, reading.editionId,
                reading.installationType, reading.hal, reading.productType, reading.productSuite, reading.languages,
                reading.defaultLanguage, reading.version(), root.folder().getFileName().toString()
                        .toUpperCase(Locale.ROOT));
        return Optional.of(new WindowsDescription(info, reading.warnings));
    }

    private record SystemRoot(Path folder, Optional<Path> kernel32, Optional<Path> software, Optional<Path> system) {
        int score() {
            return (kernel32.isPresent() ? 1 : 0) + (software.isPresent() ? 1 : 0) + (system.isPresent() ? 1 : 0);
        }
    }

    private static Optional<SystemRoot> findSystemRoot(Path tree) throws IOException {
        SystemRoot best = null;
        for (Path folder : list(tree)) {
            Optional<Path> system32 = child(folder, "System32").filter(Files::isDirectory);
            if (!Files.isDirectory(folder) || system32.isEmpty()) {
                continue;
            }
            Optional<Path> config = child(system32.get(), "config").filter(Files::isDirectory);
            SystemRoot candidate = new SystemRoot(folder, child(system32.get(), "kernel32.dll")
                    .filter(Files::isRegularFile), config.flatMap(c -> child(c, "SOFTWARE"))
                            .filter(Files::isRegularFile), config.flatMap(c -> child(c, "SYSTEM"))
                                    .filter(Files::isRegularFile));
            if (candidate.score() == 0) {
                continue;
            }
            if (best == null || candidate.score() > best.score() || candidate.score() == best.score()
                    && folder.getFileName().toString().equalsIgnoreCase("Windows")) {
                best = candidate;
            }
        }
        return Optional.ofNullable(best);
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.sorted().toList();
        }
    }

    /** A child of a folder by name, ignoring case as Windows does. */
    private static Optional<Path> child(Path folder, String name) {
        try {
            return list(folder).stream().filter(p -> p.getFileName().toString().equalsIgnoreCase(name)).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The fields as they are read; each stays empty when its source is missing or of another type. */
    private static final class Reading {
        private final List<String> warnings = new ArrayList<>();
        private Optional<WindowsInfo.Architecture> architecture = Optional.empty();
        private String productName = "";
        private String editionId = "";
        private String installationType = "";
        private String hal = "";
        private String productType = "";
        private String productSuite = "";
        private List<String> languages = List.of();
        private String defaultLanguage = "";
        private long major = -1;
        private long minor = -1;
        private long build;
        private long spBuild;
        private long spLevel;

        Optional<WindowsVersion> version() {
            return major < 0 ? Optional.empty()
                    : Optional.of(new WindowsVersion(major, Math.max(minor, 0), build, spBuild, spLevel));
        }

        void readKernel32(Path file) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                long size = channel.size();
                ByteBuffer dos = read(channel, 0, 0x40);
                long peOffset = dos == null ? -1 : Integer.toUnsignedLong(dos.getInt(0x3C));
                ByteBuffer pe = peOffset < 0 || peOffset % 4 != 0 || peOffset + 6 > size ? null
                        : read(channel, peOffset, 6);
                if (pe == null || pe.getInt(0) != 0x00004550) {
                    warnings.add(file + " is not a valid PE file; the image's architecture is not recorded");
                    return;
                }
                int machine = Short.toUnsignedInt(pe.getShort(4));
                architecture = WindowsInfo.Architecture.ofPeMachine(machine);
                if (architecture.isEmpty()) {
                    warnings.add(String.format("kernel32.dll is built for the unknown machine type 0x%04x; the"
                            + " image's architecture is not recorded", machine));
                }
            } catch (IOException e) {
                warnings.add(file + " cannot be read (" + e.getMessage() + "); the image's architecture is not"
                        + " recorded");
            }
        }

        private static ByteBuffer read(FileChannel channel, long at, int length) throws IOException {
            ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, at + buffer.position()) < 0) {
                    return null;
                }
            }
            return buffer.flip();
        }

        Optional<Hive> hive(Path file, String name) {
            try {
                Hive hive = Hive.open(file);
                if (hive.isDirty()) {
                    warnings.add("the " + name + " hive was not written completely and no transaction log brings it"
                            + " up to date; what it says about the image is read as it is");
                }
                return Optional.of(hive);
            } catch (IOException e) {
                warnings.add("the " + name + " hive cannot be read (" + e.getMessage() + "); what it says about"
                        + " the image is not recorded");
                return Optional.empty();
            }
        }

        void readSoftware(Hive software) {
            Optional<RegistryKey> key = software.findKey(CURRENT_VERSION);
            if (key.isEmpty()) {
                return;
            }
            editionId = string(key.get(), "EditionID").orElse("");
            installationType = string(key.get(), "InstallationType").orElse("");
            productName = string(key.get(), "ProductName").orElse("");
            Optional<Long> majorNumber = number(key.get(), "CurrentMajorVersionNumber");
            Optional<Long> minorNumber = number(key.get(), "CurrentMinorVersionNumber");
            if (majorNumber.isPresent() && minorNumber.isPresent()) {
                major = majorNumber.get();
                minor = minorNumber.get();
            } else {
                string(key.get(), "CurrentVersion").ifPresent(this::parseVersion);
            }
            // CurrentBuild is obsolete text on Windows XP ("1.511.1 () ..."), where CurrentBuildNumber holds it
            Optional<String> currentBuild = string(key.get(), "CurrentBuild");
            Optional<String> buildText = currentBuild.filter(b -> !b.contains("."));
            if (currentBuild.isPresent() && buildText.isEmpty()) {
                buildText = string(key.get(), "CurrentBuildNumber");
            }
            buildText.ifPresent(b -> build = parseLong(b).orElse(0L));
        }

        private void parseVersion(String text) {
            String[] parts = text.trim().split("\\.");
            Optional<Long> first = parts.length == 2 ? parseLong(parts[0]) : Optional.empty();
            Optional<Long> second = parts.length == 2 ? parseLong(parts[1]) : Optional.empty();
            if (first.isPresent() && second.isPresent()) {
                major = first.get();
                minor = second.get();
            } else {
                warnings.add("the SOFTWARE hive's CurrentVersion \"" + text + "\" is not a version such as 6.1");
            }
        }

        void readSystem(Hive system) {
            String controlSet;
            try {
                controlSet = ControlSets.current(system) + "\\";
            } catch (ValueTypeMismatchException e) {
                controlSet = "ControlSet001\\"; // a description is read from what the hive has, never refused
            }
            system.findKey(controlSet + "Control\\Windows").ifPresent(windows -> {
                number(windows, "CSDBuildNumber").ifPresent(n -> spBuild = n);
                number(windows, "CSDVersion").ifPresent(n -> spLevel = n >> 8);
            });
            system.findKey(controlSet + "Control\\ProductOptions").ifPresent(options -> {
                productType = string(options, "ProductType").orElse("");
                productSuite = string(options, "ProductSuite").orElse("");
            });
            system.findKey(controlSet + COMPUTER_CLASS)
                    .ifPresent(computer -> hal = string(computer, "MatchingDeviceId").orElse(""));
            system.findKey(controlSet + "Control\\MUI\\UILanguages")
                    .ifPresent(ui -> languages = ui.subkeys().stream().map(RegistryKey::name).toList());
            system.findKey(controlSet + "Control\\Nls\\Language").flatMap(k -> string(k, "InstallLanguage"))
                    .ifPresent(this::readDefaultLanguage);
        }

        private void readDefaultLanguage(String lcid) {
            Optional<NlsLocale> locale;
            try {
                locale = NlsData.load().localeOf(Integer.parseInt(lcid.trim(), 16));
            } catch (NumberFormatException e) {
                locale = Optional.empty();
            }
            locale.ifPresentOrElse(l -> defaultLanguage = l.tag(), () -> warnings.add("the install language \""
                    + lcid + "\" of the SYSTEM hive is not a known locale identifier"));
        }

        /** A text value: REG_SZ, REG_EXPAND_SZ or the first string of a REG_MULTI_SZ. */
        private static Optional<String> string(RegistryKey key, String name) {
            return key.value(name).flatMap(value -> {
                if (value.type() == ValueType.REG_MULTI_SZ.code()) {
                    return Optional.of(value.asMultiString().stream().findFirst().orElse(""));
                }
                if (value.type() == ValueType.REG_SZ.code() || value.type() == ValueType.REG_EXPAND_SZ.code()) {
                    return Optional.of(value.asString());
                }
                return Optional.empty();
            });
        }

        /** A number value: a REG_DWORD or REG_QWORD of its full size. */
        private static Optional<Long> number(RegistryKey key, String name) {
            return key.value(name).flatMap(value -> {
                if (value.type() == ValueType.REG_DWORD.code() && value.data().length == 4) {
                    return Optional.of(Integer.toUnsignedLong(value.asDword()));
                }
                if (value.type() == ValueType.REG_QWORD.code() && value.data().length == 8) {
                    return Optional.of(value.asQword());
                }
                return Optional.empty();
            });
        }

        private static Optional<Long> parseLong(String text) {
            try {
                return Optional.of(Long.parseLong(text.trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }
}
