package org.imagesmith.cli;

import java.util.List;
import java.util.Set;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.servicing.ServicingProvider;
import org.imagesmith.servicing.ServicingRun;
import org.imagesmith.servicing.ServicingSession;
import org.imagesmith.servicing.pe.WindowsPeServicing;
import org.imagesmith.servicing.pe.WindowsPeSettings;

/**
 * The Windows PE commands: {@code /Get-PESettings}, {@code /Get-ScratchSpace}, {@code /Get-TargetPath},
 * {@code /Set-ScratchSpace:<32|64|128|256|512>} and {@code /Set-TargetPath:<path>}, on a Windows PE image.
 */
final class WindowsPeCommand extends ImageServicingCommand {

    /** Which Windows PE command. */
    enum Kind {
        GET_SETTINGS("Get-PESettings", false, "/Image:<dir> /Get-PESettings   Displays the Windows PE settings."),
        GET_SCRATCH_SPACE("Get-ScratchSpace", false, "/Image:<dir> /Get-ScratchSpace   Displays the Windows PE scratch space."),
        GET_TARGET_PATH("Get-TargetPath", false, "/Image:<dir> /Get-TargetPath   Displays the Windows PE target path."),
        SET_SCRATCH_SPACE("Set-ScratchSpace", true, "/Image:<dir> /Set-ScratchSpace:<32|64|128|256|512>   Sets the scratch space (MB)."),
        SET_TARGET_PATH("Set-TargetPath", true, "/Image:<dir> /Set-TargetPath:<path>   Sets the Windows PE target path.");

        final String command;
        /** whether the command changes the image */
        final boolean writes;
        final String summary;

        Kind(String command, boolean writes, String summary) {
            this.command = command;
            this.writes = writes;
            this.summary = summary;
        }
    }

    private final Kind kind;

    WindowsPeCommand(Kind kind) {
        super(ServicingProvider.WINDOWS_PE, List.of(kind.command), Set.of(), kind.summary);
        this.kind = kind;
    }

    /** The Set- commands change the image; the Get- commands read it only. */
    @Override
    ServicingRun.Access access(CommandLine commandLine) {
        return kind.writes ? ServicingRun.Access.WRITE : ServicingRun.Access.READ;
    }

    @Override
    int run(CommandLine commandLine, DismConsole console, ServicingSession session)
            throws CommandLineException, ServicingException {
        WindowsPeServicing pe = new WindowsPeServicing(session, kind.command);
        switch (kind) {
            case GET_SETTINGS -> {
                WindowsPeSettings settings = pe.settings();
                console.line("WinPE settings:");
                console.blank();
                console.field("Scratch Space", settings.scratchSpace() + "MB");
                console.field("Target Path", settings.targetPath());
            }
            case GET_SCRATCH_SPACE -> console.field("Scratch Space", pe.settings().scratchSpace() + "MB");
            case GET_TARGET_PATH -> console.field("Target Path", pe.settings().targetPath());
            case SET_SCRATCH_SPACE -> {
                pe.setScratchSpace(value(commandLine, "128"));
                console.field("Scratch Space", pe.settings().scratchSpace() + "MB");
            }
            case SET_TARGET_PATH -> {
                pe.setTargetPath(value(commandLine, "X:\\"));
                console.field("Target Path", pe.settings().targetPath());
            }
        }
        console.blank();
        console.success();
        return ExitCode.SUCCESS;
    }

    private String value(CommandLine commandLine, String example) throws CommandLineException {
        return commandLine.value(kind.command).orElseThrow(() -> new CommandLineException("The option /" + kind.command
                + " needs a value, as in /" + kind.command + ":" + example + "."));
    }
}
