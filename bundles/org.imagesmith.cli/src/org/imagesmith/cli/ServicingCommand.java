package org.imagesmith.cli;

import java.io.IOException;
import java.util.List;
import java.util.Set;

/** One DISM command, such as /Get-WimInfo, with the options it accepts besides itself. */
public interface ServicingCommand {

    /** The command's name and its aliases, without the slash. */
    List<String> names();

    /** The options this command accepts (without the slash). */
    Set<String> options();

    /** One line for the help listing. */
    String summary();

    /** Runs the command; the banner has been printed. Returns the exit code. */
    int run(CommandLine commandLine, DismConsole console) throws CommandLineException, IOException;
}
