package org.imagesmith.cli;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.servicing.ServicingProvider;
import org.imagesmith.servicing.ServicingRun;
import org.imagesmith.servicing.ServicingSession;
import org.imagesmith.servicing.editions.Edition;
import org.imagesmith.servicing.editions.EditionServicing;

/**
 * The edition commands: {@code /Get-CurrentEdition}, {@code /Get-TargetEditions},
 * {@code /Set-Edition:<EditionID> [/ProductKey:<key>]} and {@code /Set-ProductKey:<key>}.
 */
final class EditionCommand extends ImageServicingCommand {

    /** Which edition command. */
    enum Kind {
        GET_CURRENT("Get-CurrentEdition", false, Set.of(), "/Image:<dir> /Get-CurrentEdition   Displays the image's edition."),
        GET_TARGETS("Get-TargetEditions", false, Set.of(),
                "/Image:<dir> /Get-TargetEditions   Displays the editions the image can be changed to."),
        SET_EDITION("Set-Edition", true, Set.of("ProductKey"),
                "/Image:<dir> /Set-Edition:<EditionID> [/ProductKey:<key>]   Changes the image to a higher edition."),
        SET_PRODUCT_KEY("Set-ProductKey", true, Set.of(),
                "/Image:<dir> /Set-ProductKey:<XXXXX-XXXXX-XXXXX-XXXXX-XXXXX>   Sets the product key of the edition.");

        final String command;
        /** whether the command changes the image */
        final boolean writes;
        final Set<String> options;
        final String summary;

        Kind(String command, boolean writes, Set<String> options, String summary) {
            this.command = command;
            this.writes = writes;
            this.options = options;
            this.summary = summary;
        }
    }

    private final Kind kind;

    EditionCommand(Kind kind) {
        super(ServicingProvider.EDITIONS, List.of(kind.command), kind.options, kind.summary);
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
        EditionServicing editions = new EditionServicing(session);
        switch (kind) {
            case GET_CURRENT -> {
                console.line("Current edition is:");
                console.blank();
                console.field("Current Edition", editions.currentEdition());
            }
            case GET_TARGETS -> {
                List<Edition> targets = editions.targetEditions();
                console.line("Editions that can be upgraded to:");
                console.blank();
                if (targets.isEmpty()) {
                    console.line("(The current edition cannot be upgraded to any target editions.)");
                }
                targets.forEach(t -> console.field("Target Edition", t.id()));
            }
            case SET_EDITION -> {
                String edition = value(commandLine, "Ultimate");
                Optional<String> key = commandLine.value("ProductKey");
                console.line("Starting to update components...");
                editions.setEdition(edition, key);
                if (key.isPresent()) {
                    console.line("Starting to install product key...");
                    console.line("Finished installing product key.");
                }
                console.blank();
                console.progress(100.0);
                console.line("Finished updating components.");
            }
            case SET_PRODUCT_KEY -> {
                String key = value(commandLine, "XXXXX-XXXXX-XXXXX-XXXXX-XXXXX");
                console.line("Starting to install product key...");
                editions.setProductKey(key);
                console.line("Finished installing product key.");
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
