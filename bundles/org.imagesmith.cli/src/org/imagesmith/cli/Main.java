package org.imagesmith.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
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
import org.imagesmith.wim.SplitWimException;
import org.imagesmith.wim.WimFormatException;
import org.imagesmith.wim.mount.MountException;

/**
 * The {@code imagesmith} command: DISM's syntax and output on offline Windows images. It runs as a plain
 * Java program on a class path of the engine jars, without an OSGi framework.
 */
public final class Main {
    /** Options every command accepts. /English is a no-op: output is always English. */
    private static final List<String> GLOBAL_OPTIONS = List.of("English");

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
            if (commandLine.has("Online")) {
                throw new CommandLineException(ExitCode.NOT_SUPPORTED, "/Online is not supported: it services the"
                        + " Windows that is running, and Imagesmith services offline images only. Give the folder"
                        + " of an applied or mounted image with /Image:<folder>, or a WIM file with /WimFile and"
                        + " /Index.");
            }
            ServicingCommand command = given.isPresent() ? given.get() : findCommand(commandLine);
            checkOptions(commandLine, command);
            return command.run(commandLine, console);
        } catch (CommandLineException e) {
            console.error(e.exitCode(), e.getMessage());
            return e.exitCode();
        } catch (NoSuchFileException e) {
            console.error(ExitCode.FILE_NOT_FOUND, "The system cannot find the file specified: " + e.getFile());
            return ExitCode.FILE_NOT_FOUND;
        } catch (AccessDeniedException e) {
            console.error(5, "Access is denied: " + e.getFile());
            return 5;
        } catch (MountException e) {
            console.error(e.errorCode(), e.getMessage());
            return e.errorCode() & 0xFF;
        } catch (SplitWimException e) {
            int code = e.missingParts().isEmpty() ? ExitCode.BAD_FORMAT : ExitCode.FILE_NOT_FOUND;
            console.error(code, "The split WIM cannot be read: " + e.getMessage() + ".");
            return code;
        } catch (WimFormatException e) {
            console.error(ExitCode.BAD_FORMAT, "The file cannot be read as a WIM file: " + e.getMessage() + ".");
            return ExitCode.BAD_FORMAT;
        } catch (IOException e) {
            console.error(ExitCode.BAD_FORMAT, "An error occurred while reading: " + e.getMessage());
            return ExitCode.BAD_FORMAT;
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
            Option first = commandLine.options().get(0);
            throw new CommandLineException("No command was given: \"" + first.text() + "\" is not a known command."
                    + " Run imagesmith /? for the list of commands.");
        }
        return found.get(0);
    }

    private static void checkOptions(CommandLine commandLine, ServicingCommand command) throws CommandLineException {
        for (Option option : commandLine.options()) {
            boolean known = command.names().stream().anyMatch(option::is)
                    || command.options().stream().anyMatch(option::is)
                    || GLOBAL_OPTIONS.stream().anyMatch(option::is);
            if (!known) {
                throw new CommandLineException("The option " + option.text().split(":", 2)[0] + " is unknown with /"
                        + command.names().get(0) + ". It accepts: "
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
                    + identity.architecture().displayName() + "):");
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
        console.line("  /English   Displays output in English (output is always English).");
        console.line("  /?         Displays this help.");
        console.blank();
        console.line("EXAMPLE:");
        console.line("  imagesmith /Get-WimInfo /WimFile:install.wim /Index:1");
        console.blank();
        console.line("Exit codes: 0 success, 2 file not found, 11 not a WIM file or damaged, 50 not supported (the"
                + " reason is printed), 87 bad command line.");
        console.line("imagesmith /Image:<dir> /? lists the servicing commands that image takes.");
        console.line("Servicing commands also take /WimFile:<file> /Index:<n> (or /Name:<name>) in place of /Image:<dir>:");
        console.line("the image is serviced in its WIM file, and what changed is saved there when the command succeeds.");
        return ExitCode.SUCCESS;
    }
}
