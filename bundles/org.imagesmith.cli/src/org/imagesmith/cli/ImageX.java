package org.imagesmith.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * ImageX's command line ({@code imagesmith /ImageX /capture C:\ install.wim "Name" /flags Ultimate}, or
 * {@code releng/bin/imagex ...}): each ImageX operation is turned into the DISM command that does the same and run
 * by it, so that both syntaxes share one implementation, its output and its exit codes. ImageX's options take their
 * value as the next argument ({@code /compress maximum}, {@code /config file}, {@code /flags EDITIONID},
 * {@code /ref part*.swm}); images are given by number or by name. A path that reads like an option word (the folder
 * {@code /boot}) is written with a trailing slash ({@code /boot/}).
 */
final class ImageX {
    /** The word that selects ImageX's syntax on the imagesmith command line. */
    static final String COMMAND = "/ImageX";

    /** The options that take the next argument as their value. */
    private static final Set<String> VALUED = Set.of("compress", "config", "flags", "ref");

    /** Every option word ImageX has. */
    private static final Set<String> OPTION_WORDS = Set.of("boot", "check", "commit", "compress", "config", "flags",
            "norpfix", "ref", "scroll", "verify");

    /** Each operation: its operands, the options it takes, and one line of help. */
    private record Operation(String name, int minOperands, int maxOperands, Set<String> options, String usage) {
    }

    private static final List<Operation> OPERATIONS = List.of(
            new Operation("apply", 3, 3, Set.of("check", "ref", "scroll", "verify"),
                    "/apply <image_file> <number|name> <dest_path> [/check] [/ref <splitwim.swm>] [/scroll] [/verify]"),
            new Operation("capture", 3, 4, Set.of("boot", "check", "compress", "config", "flags", "norpfix",
                    "scroll", "verify"), "/capture <path> <image_file> \"<name>\" [\"<description>\"] [/boot] [/check]"
                            + " [/compress maximum|fast|none] [/config <file>] [/flags \"<EDITIONID>\"] [/norpfix]"
                            + " [/scroll] [/verify]"),
            new Operation("append", 3, 4, Set.of("boot", "check", "config", "flags", "norpfix", "scroll", "verify"),
                    "/append <path> <image_file> \"<name>\" [\"<description>\"] [/boot] [/check] [/config <file>]"
                            + " [/flags \"<EDITIONID>\"] [/norpfix] [/scroll] [/verify]"),
            new Operation("export", 4, 4, Set.of("boot", "check", "compress", "ref"),
                    "/export <src_file> <number|name> <dest_file> \"<dest_name>\" [/boot] [/check]"
                            + " [/compress maximum|fast|none] [/ref <splitwim.swm>]"),
            new Operation("delete", 2, 2, Set.of("check"), "/delete <image_file> <number|name> [/check]"),
            new Operation("split", 3, 3, Set.of("check"), "/split <image_file> <dest_file.swm> <size_MB> [/check]"),
            new Operation("info", 1, 4, Set.of("boot", "check"),
                    "/info <image_file> [<number|name>] [\"<new_name>\"] [\"<new_description>\"] [/boot] [/check]"),
            new Operation("dir", 2, 2, Set.of("ref"), "/dir <image_file> <number|name> [/ref <splitwim.swm>]"),
            new Operation("mount", 3, 3, Set.of("ref"), "/mount <image_file> <number|name> <mount_path>"
                    + " [/ref <splitwim.swm>]   (read-only)"),
            new Operation("mountrw", 3, 3, Set.of("ref"), "/mountrw <image_file> <number|name> <mount_path>"
                    + " [/ref <splitwim.swm>]"),
            new Operation("unmount", 1, 1, Set.of("commit", "check"), "/unmount <mount_path> [/commit] [/check]"),
            new Operation("commit", 1, 1, Set.of("check"), "/commit <mount_path> [/check]"),
            new Operation("remount", 1, 1, Set.of(), "/remount <mount_path>"),
            new Operation("cleanup", 0, 0, Set.of(), "/cleanup"));

    private ImageX() {
    }

    /** Runs an ImageX command line (without the leading /ImageX) and returns the exit code. */
    static int run(List<String> args, DismConsole console) {
        if (args.isEmpty() || args.stream().anyMatch(a -> a.equals("/?") || a.equals("-?"))) {
            console.banner();
            console.line("IMAGEX <operation> <operands> [<options>]   (ImageX's syntax, run by Imagesmith's DISM commands)");
            console.blank();
            OPERATIONS.forEach(operation -> console.line("  imagex " + operation.usage()));
            console.blank();
            console.line("/scroll is accepted and changes nothing: output is always written line by line.");
            console.line("Exit codes are DISM's: 0 success, 2 file not found, 11 not a WIM file or damaged,"
                    + " 87 bad command line, 183 an image of that name exists.");
            return ExitCode.SUCCESS;
        }
        try {
            Parsed parsed = parse(args);
            return parsed.command() == null ? Main.run(parsed.dism(), console)
                    : Main.run(parsed.command(), parsed.dism(), console);
        } catch (CommandLineException e) {
            console.banner();
            console.error(e.exitCode(), e.getMessage());
            return e.exitCode();
        }
    }

    /** The DISM arguments of an ImageX command line, and the command that runs them when DISM has none. */
    record Parsed(List<String> dism, ServicingCommand command) {
    }

    /** Turns an ImageX command line into DISM arguments (and the command for /dir and /info renaming). */
    static Parsed parse(List<String> args) throws CommandLineException {
        String first = args.get(0);
        Operation operation = OPERATIONS.stream().filter(o -> first.equalsIgnoreCase("/" + o.name())
                || first.equalsIgnoreCase("-" + o.name())).findFirst().orElseThrow(() -> new CommandLineException(
                        "\"" + first + "\" is not an ImageX operation. Give one of "
                                + String.join(", ", OPERATIONS.stream().map(o -> "/" + o.name()).toList())
                                + "; imagex /? shows their syntax."));
        List<String> operands = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            if (isOption(arg)) {
                String option = arg.substring(1).toLowerCase(Locale.ROOT);
                if (!operation.options().contains(option)) {
                    String folder = java.nio.file.Files.exists(java.nio.file.Path.of(arg)) ? " (to give the folder "
                            + arg + ", write " + arg + "/)" : "";
                    throw new CommandLineException("The option " + arg + " is not valid with /" + operation.name()
                            + folder + ". Syntax: imagex " + operation.usage());
                }
                String value = "";
                if (VALUED.contains(option)) {
                    if (i + 1 >= args.size()) {
                        throw new CommandLineException("The option " + arg + " needs a value after it. Syntax: imagex "
                                + operation.usage());
                    }
                    value = args.get(++i);
                }
                if (options.put(option, value) != null) {
                    throw new CommandLineException("The option " + arg + " is given twice; give it once.");
                }
            } else {
                operands.add(arg);
            }
        }
        if (operands.size() < operation.minOperands() || operands.size() > operation.maxOperands()) {
            throw new CommandLineException("/" + operation.name() + " takes " + (operation.minOperands()
                    == operation.maxOperands() ? Integer.toString(operation.minOperands())
                            : operation.minOperands() + " to " + operation.maxOperands()) + " operands, "
                    + operands.size() + " given. Syntax: imagex " + operation.usage());
        }
        return translate(operation.name(), operands, options);
    }

    private static Parsed translate(String operation, List<String> operands, Map<String, String> options)
            throws CommandLineException {
        List<String> dism = new ArrayList<>();
        ServicingCommand command = null;
        switch (operation) {
            case "apply" -> {
                dism.addAll(List.of("/Apply-Image", "/ImageFile:" + operands.get(0), image(operands.get(1)),
                        "/ApplyDir:" + operands.get(2)));
                flag(options, "verify", "/Verify", dism);
                ref(options, dism);
            }
            case "capture", "append" -> {
                dism.addAll(List.of(operation.equals("capture") ? "/Capture-Image" : "/Append-Image",
                        "/CaptureDir:" + operands.get(0), "/ImageFile:" + operands.get(1), "/Name:" + operands.get(2)));
                if (operands.size() > 3) {
                    dism.add("/Description:" + operands.get(3));
                }
                flag(options, "boot", "/Bootable", dism);
                flag(options, "verify", "/Verify", dism);
                flag(options, "norpfix", "/NoRpFix", dism);
                if (options.containsKey("compress")) {
                    dism.add("/Compress:" + compression(options.get("compress")));
                }
                if (options.containsKey("config")) {
                    dism.add("/ConfigFile:" + options.get("config"));
                }
                if (options.containsKey("flags")) {
                    dism.add("/Flags:" + options.get("flags"));
                }
            }
            case "export" -> {
                String source = image(operands.get(1));
                dism.addAll(List.of("/Export-Image", "/SourceImageFile:" + operands.get(0),
                        source.startsWith("/Index:") ? "/SourceIndex:" + source.substring(7)
                                : "/SourceName:" + source.substring(6),
                        "/DestinationImageFile:" + operands.get(2), "/DestinationName:" + operands.get(3)));
                flag(options, "boot", "/Bootable", dism);
                if (options.containsKey("compress")) {
                    dism.add("/Compress:" + compression(options.get("compress")));
                }
                ref(options, dism);
            }
            case "delete" -> dism.addAll(List.of("/Delete-Image", "/ImageFile:" + operands.get(0),
                    image(operands.get(1))));
            case "split" -> dism.addAll(List.of("/Split-Image", "/ImageFile:" + operands.get(0),
                    "/SWMFile:" + operands.get(1), "/FileSize:" + operands.get(2)));
            case "info" -> {
                dism.addAll(List.of("/WimFile:" + operands.get(0)));
                if (operands.size() > 1) {
                    dism.add(image(operands.get(1)));
                }
                if (operands.size() > 2 || options.containsKey("boot")) {
                    if (operands.size() < 2) {
                        throw new CommandLineException("/info /boot needs the image to boot: imagex /info <image_file>"
                                + " <number|name> /boot.");
                    }
                    command = new ImageXInfoCommand();
                    if (operands.size() > 2) {
                        dism.add("/NewName:" + operands.get(2));
                    }
                    if (operands.size() > 3) {
                        dism.add("/NewDescription:" + operands.get(3));
                    }
                    flag(options, "boot", "/Bootable", dism);
                } else {
                    dism.add(0, "/Get-WimInfo");
                    if (options.containsKey("check")) {
                        throw new CommandLineException("/info /check checks the integrity table when the file is"
                                + " changed; to check a file without changing it run imagex /apply with /check, or"
                                + " wimlib-imagex verify.");
                    }
                }
            }
            case "dir" -> {
                command = new ImageXDirCommand();
                dism.addAll(List.of("/WimFile:" + operands.get(0), image(operands.get(1))));
                ref(options, dism);
            }
            case "mount", "mountrw" -> {
                dism.addAll(List.of("/Mount-Wim", "/WimFile:" + operands.get(0), image(operands.get(1)),
                        "/MountDir:" + operands.get(2)));
                if (operation.equals("mount")) {
                    dism.add("/ReadOnly");
                }
                ref(options, dism);
            }
            case "unmount" -> dism.addAll(List.of("/Unmount-Wim", "/MountDir:" + operands.get(0),
                    options.containsKey("commit") ? "/Commit" : "/Discard"));
            case "commit" -> dism.addAll(List.of("/Commit-Wim", "/MountDir:" + operands.get(0)));
            case "remount" -> dism.addAll(List.of("/Remount-Wim", "/MountDir:" + operands.get(0)));
            case "cleanup" -> dism.add("/Cleanup-Wim");
            default -> throw new IllegalStateException(operation);
        }
        flag(options, "check", "/CheckIntegrity", dism);
        return new Parsed(dism, command);
    }

    /**
     * Whether an argument is an option rather than an operand. Paths on Linux start with / too: an argument is an
     * option when it is one of ImageX's option words (/boot, /check, ...), or a single word after / or - that names
     * no existing file (so that a mistyped option is reported). A folder named like an option is given as /boot/.
     */
    private static boolean isOption(String arg) {
        if (!arg.matches("[/-][A-Za-z]+")) {
            return false;
        }
        String word = arg.substring(1).toLowerCase(Locale.ROOT);
        return OPTION_WORDS.contains(word) || !java.nio.file.Files.exists(java.nio.file.Path.of(arg));
    }

    /** An image given by number (1, 2, ...) or by name. */
    private static String image(String operand) {
        return operand.matches("[0-9]+") ? "/Index:" + operand : "/Name:" + operand;
    }

    private static void flag(Map<String, String> options, String option, String dismOption, List<String> dism) {
        if (options.containsKey(option)) {
            dism.add(dismOption);
        }
    }

    private static void ref(Map<String, String> options, List<String> dism) {
        if (options.containsKey("ref")) {
            dism.add("/SWMFile:" + options.get("ref"));
        }
    }

    /** ImageX's /compress values, as DISM spells them. */
    private static String compression(String value) throws CommandLineException {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "maximum", "max" -> "max";
            case "fast" -> "fast";
            case "none" -> "none";
            default -> throw new CommandLineException("The value \"" + value + "\" of /compress is not valid; give"
                    + " /compress maximum, fast or none.");
        };
    }
}
