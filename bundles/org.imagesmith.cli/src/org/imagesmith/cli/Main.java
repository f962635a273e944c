package org.imagesmith.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.imagesmith.servicing.ImageIdentity;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.servicing.ServicingLog;
import org.imagesmith.servicing.ServicingRun;
import org.imagesmith.servicing.ServicingTarget;

/**
 * The {@code imagesmith} command: DISM's syntax and output on offline Windows images. It runs as a plain
 * Java program on a class path of the engine jars, without an OSGi framework.
 */
public final class Main {
    /** Options every command accepts. /English is a no-op: output is always English. */
    private static final List<String> GLOBAL_OPTIONS = List.of("English");

    /** DISM's generic options, as the help lists them. */
    private static final List<String> GENERIC_OPTION_HELP = List.of(
            "/Image:<path>            The folder of an applied or mounted offline image to service.",
            "/WimFile:<file> /Index:<n> | /Name:<name>  An image of a WIM file, serviced in place (Imagesmith).",
            "/Online                  Not supported: Imagesmith services offline images only.",
            "/WinDir:<path>           The Windows folder of the image, relative to its root (default Windows).",
            "/SysDriveDir:<path>      The folder that holds the system loader (BootMgr).",
            "/LogPath:<file>          The log file (default: dism.log under $XDG_STATE_HOME/imagesmith).",
            "/LogLevel:<n>            1 errors, 2 errors and warnings, 3 also information (default), 4 also debug.",
            "/ScratchDir:<path>       The folder for temporary files.",
            "/Quiet                   Prints only errors: no banner, progress or listing.",
            "/NoRestart               Accepted; an offline image is never restarted.",
            "/English                 Displays output in English (output is always English).",
            "/Format:Table | List     The layout of the listings (default List).",
            "/?                       Displays this help; with /Image:<path>, the commands that image takes.");

    /** Every command, one per line (DISM's help lists them in this order). */
    private static final List<ServicingCommand> COMMANDS = java.util.stream.Stream.of(List.<ServicingCommand>of(
            new GetWimInfoCommand(),
            new ApplyImageCommand(),
            new CaptureImageCommand(false),
            new CaptureImageCommand(true),
            new ExportImageCommand(),
            new DeleteImageCommand(),
            new SplitImageCommand(),
            new MountWimCommand(),
            new UnmountWimCommand(),
            new CommitWimCommand(),
            new RemountWimCommand(),
            new CleanupWimCommand(),
            new GetMountedWimInfoCommand(),
            new GetPackagesCommand(),
            new GetPackageInfoCommand(),
            new AddPackageCommand(),
            new RemovePackageCommand(),
            new GetFeaturesCommand(),
            new GetFeatureInfoCommand(),
            new SetFeatureCommand(true),
            new ApplyUnattendCommand(),
            new PkgMgrCommand(),
            new GetDriversCommand(),
            new GetDriverInfoCommand(),
            new AddDriverCommand(),
            new RemoveDriverCommand(),
            new GetIntlCommand(),
            new SetIntlCommand(SetIntlCommand.Setting.UI_LANGUAGE),
            new SetIntlCommand(SetIntlCommand.Setting.UI_LANGUAGE_FALLBACK),
            new SetIntlCommand(SetIntlCommand.Setting.SYSTEM_LOCALE),
            new SetIntlCommand(SetIntlCommand.Setting.USER_LOCALE),
            new SetIntlCommand(SetIntlCommand.Setting.INPUT_LOCALE),
            new SetIntlCommand(SetIntlCommand.Setting.ALL),
            new SetIntlCommand(SetIntlCommand.Setting.TIME_ZONE),
            new SetIntlCommand(SetIntlCommand.Setting.SKU_DEFAULTS),
            new SetIntlCommand(SetIntlCommand.Setting.LAYERED_DRIVER),
            new LangIniCommand(true),
            new LangIniCommand(false),
            new EditionCommand(EditionCommand.Kind.GET_CURRENT),
            new EditionCommand(EditionCommand.Kind.GET_TARGETS),
            new EditionCommand(EditionCommand.Kind.SET_EDITION),
            new EditionCommand(EditionCommand.Kind.SET_PRODUCT_KEY),
            new WindowsPeCommand(WindowsPeCommand.Kind.GET_SETTINGS),
            new WindowsPeCommand(WindowsPeCommand.Kind.GET_SCRATCH_SPACE),
            new WindowsPeCommand(WindowsPeCommand.Kind.GET_TARGET_PATH),
            new WindowsPeCommand(WindowsPeCommand.Kind.SET_SCRATCH_SPACE),
            new WindowsPeCommand(WindowsPeCommand.Kind.SET_TARGET_PATH),
            new CheckAppPatchCommand(),
            new GetAppPatchInfoCommand(),
            new GetAppPatchesCommand(),
            new GetAppInfoCommand(),
            new GetAppsCommand(),
            new SetFeatureCommand(false),
            RefusedCommand.cleanupImage()), RefusedCommand.profiling()).flatMap(List::stream).toList();

    static {
        QuietLibraries.install();
    }

    private Main() {
    }

    public static void main(String[] args) {
        DismConsole console = new DismConsole(System.out, System.err, ZoneId.systemDefault());
        console.setTerminal(System.console() != null);
        System.exit(run(Arrays.asList(args), console));
    }

    /** Runs one command line and returns its exit code; all output goes to the given streams. */
    public static int run(List<String> args, PrintStream out, PrintStream err, ZoneId zone) {
        return run(args, new DismConsole(out, err, zone));
    }

    static int run(List<String> args, DismConsole console) {
        if (!args.isEmpty() && ImageX.COMMAND.equalsIgnoreCase(args.get(0))) {
            return ImageX.run(args.subList(1, args.size()), console);
        }
        if (args.isEmpty() || args.stream().anyMatch(a -> a.equals("/?") || a.equals("-?") || a.equals("--help"))) {
            Optional<String> image = args.stream().map(Option::parse).flatMap(Optional::stream)
                    .filter(o -> o.is("Image")).findFirst().flatMap(Option::value);
            return image.isPresent() ? printImageHelp(console, image.get()) : printHelp(console);
        }
        return run(args, console, Optional.empty());
    }

    /** Runs one command line with this command (ImageX's own operations, which DISM has no name for). */
    static int run(ServicingCommand command, List<String> args, DismConsole console) {
        return run(args, console, Optional.of(command));
    }

    private static int run(List<String> args, DismConsole console, Optional<ServicingCommand> given) {
        try {
            CommandLine commandLine;
            try {
                commandLine = CommandLine.parse(args);
            } finally {
                console.setQuiet(args.stream().anyMatch(a -> a.equalsIgnoreCase("/Quiet") || a.equalsIgnoreCase("-Quiet")));
                console.banner();
            }
            refuseOnlineServicing(commandLine);
            ServicingCommand command = given.isPresent() ? given.get() : findCommand(commandLine);
            checkOptions(commandLine, command);
            PathArguments.check(commandLine);
            return command.run(commandLine, console);
        } catch (Exception | OutOfMemoryError | StackOverflowError e) {
            // the one place where what is left becomes a DISM error; the bad-input test proves that no input reaches
            // the E_UNEXPECTED branch of DismError
            DismError error = DismError.of(e);
            console.error(error.code(), error.message());
            return error.exitStatus();
        }
    }

    /** /Online services the running Windows, which Imagesmith cannot: it refuses it as DISM refuses what it cannot do. */
    private static void refuseOnlineServicing(CommandLine commandLine) throws CommandLineException {
        if (commandLine.has("Online")) {
            throw new CommandLineException(ExitCode.NOT_SUPPORTED, "Online servicing is not supported by Imagesmith:"
                    + " it services offline images only, and no Windows is running here. Give /Image:<folder> for an"
                    + " applied or mounted image, or /WimFile:<file> /Index:<n> to service an image in its WIM file.");
        }
    }

    private static ServicingCommand findCommand(CommandLine commandLine) throws CommandLineException {
        List<ServicingCommand> found = new ArrayList<>();
        List<String> given = new ArrayList<>();
        for (Option option : commandLine.options()) {
            Optional<ServicingCommand> command = COMMANDS.stream()
                    .filter(c -> c.names().stream().anyMatch(option::is)).findFirst();
            if (command.isPresent()) {
                found.add(command.get());
                given.add(option.text());
            }
        }
        if (found.size() > 1) {
            throw new CommandLineException("Multiple servicing commands are not supported (" + String.join(", ", given)
                    + "); run one command per command line.");
        }
        if (found.isEmpty()) {
            Optional<Option> unknown = commandLine.options().stream().filter(o -> !isKnownName(o)).findFirst();
            if (unknown.isPresent()) {
                String name = unknown.get().name();
                throw new CommandLineException("\"/" + name + "\" is not a known command or option."
                        + NameSuggestions.didYouMean(name, knownNames()) + " Run imagesmith /? for the list of commands.");
            }
            throw new CommandLineException("No command was given (" + String.join(" ", commandLine.options().stream()
                    .map(Option::text).toList()) + "). Add one, such as /Get-WimInfo or /Get-Packages;"
                    + " run imagesmith /? for the list of commands.");
        }
        return found.get(0);
    }

    /** Every command name and option name that some command accepts. */
    private static List<String> knownNames() {
        List<String> names = new ArrayList<>(GLOBAL_OPTIONS);
        for (ServicingCommand command : COMMANDS) {
            names.addAll(command.names());
            names.addAll(command.options());
        }
        return names;
    }

    private static boolean isKnownName(Option option) {
        return knownNames().stream().anyMatch(option::is);
    }

    private static void checkOptions(CommandLine commandLine, ServicingCommand command) throws CommandLineException {
        for (Option option : commandLine.options()) {
            boolean known = command.names().stream().anyMatch(option::is)
                    || command.options().stream().anyMatch(option::is)
                    || GLOBAL_OPTIONS.stream().anyMatch(option::is);
            if (!known) {
                String name = option.text().split(":", 2)[0];
                List<String> accepted = new ArrayList<>(command.options());
                accepted.addAll(GLOBAL_OPTIONS);
                String suggestion = NameSuggestions.didYouMean(option.name(), accepted);
                throw new CommandLineException("The option " + name + " is unknown with /" + command.names().get(0)
                        + "." + (suggestion.isEmpty() ? "" : suggestion) + " It accepts: "
                        + command.options().stream().sorted().map(o -> "/" + o).reduce((a, b) -> a + ", " + b).orElse("")
                        + ".");
            }
        }
    }

    /** /Image:&lt;dir&gt; /?: the servicing commands this image takes, as DISM lists them per image. */
    private static int printImageHelp(DismConsole console, String image) {
        console.banner();
        try (ServicingRun run = ServicingRun.open(new ServicingTarget.ImageFolder(Path.of(image)),
                ServicingRun.Access.READ, "/?", new ServicingRun.Options(Optional.empty(), false),
                MountCommands.mountedImages(), ServicingLog.none())) {
            ImageIdentity identity = run.session().identity();
            console.line("Image Version: " + identity.version());
            console.blank();
            console.line("The following commands may be used to service the image ("
                    + (identity.productName().isEmpty() ? identity.editionId() : identity.productName()) + ", "
                    + identity.architecture().dismName() + "):");
            console.blank();
            for (ServicingCommand command : COMMANDS) {
                if (command instanceof ImageServicingCommand servicing && servicing.provider().isAvailableFor(identity)) {
                    console.line("  " + command.summary());
                }
            }
            console.blank();
            return ExitCode.SUCCESS;
        } catch (ServicingException e) {
            return console.failure(e, Path.of("(no log)"));
        } catch (RuntimeException e) {
            DismError error = DismError.of(e);
            console.error(error.code(), error.message());
            return error.exitStatus();
        }
    }

    private static int printHelp(DismConsole console) {
        console.banner();
        console.line("IMAGESMITH <command> [<options>]");
        console.blank();
        console.line("Imagesmith services offline Windows images with DISM's commands and options.");
        console.line("Options are written /Name:value or -Name:value (names ignore case).");
        console.blank();
        console.line("COMMANDS:");
        console.blank();
        for (ServicingCommand command : COMMANDS) {
            console.line("  " + command.summary());
            if (command.names().size() > 1) {
                console.line("      Aliases: " + String.join(", ", command.names().subList(1, command.names().size())
                        .stream().map(n -> "/" + n).toList()));
            }
        }
        console.blank();
        console.line("GENERIC OPTIONS:");
        console.blank();
        for (String option : GENERIC_OPTION_HELP) {
            console.line("  " + option);
        }
        console.blank();
        console.line("EXAMPLE:");
        console.line("  imagesmith /Get-WimInfo /WimFile:install.wim /Index:1");
        console.blank();
        console.line("Exit codes: 0 success, 2 file not found, 5 access denied, 11 not a WIM file, 13 damaged data,"
                + " 19 read-only target,");
        console.line("  32 in use, 50 not supported, 87 bad command line, 112 disk full, 123 Windows path; an error code"
                + " above 255 exits with its low byte.");
        console.line("imagesmith /Image:<dir> /? lists the servicing commands that image takes.");
        console.line("Servicing commands also take /WimFile:<file> /Index:<n> (or /Name:<name>) in place of /Image:<dir>:");
        console.line("the image is serviced in its WIM file, and what changed is saved there when the command succeeds.");
        return ExitCode.SUCCESS;
    }
}
