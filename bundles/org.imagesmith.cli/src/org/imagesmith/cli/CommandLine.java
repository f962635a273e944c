package org.imagesmith.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The options of one command line, in the order given. */
public record CommandLine(List<Option> options) {

    public CommandLine {
        options = List.copyOf(options);
    }

    /**
     * Parses the arguments of the {@code imagesmith} command.
     *
     * @throws CommandLineException when an argument is not an option
     */
    public static CommandLine parse(List<String> arguments) throws CommandLineException {
        List<Option> options = new ArrayList<>();
        for (String argument : arguments) {
            Option option = Option.parse(argument).orElseThrow(() -> new CommandLineException(
                    "The argument \"" + argument + "\" is not an option. Options start with / or -, as in"
                            + " /WimFile:install.wim or -WimFile:install.wim."));
            options.add(option);
        }
        return new CommandLine(options);
    }

    /** The options with this name. */
    public List<Option> all(String name) {
        return options.stream().filter(o -> o.is(name)).toList();
    }

    public boolean has(String name) {
        return !all(name).isEmpty();
    }

    /**
     * The value of an option that may be given once.
     *
     * @throws CommandLineException when it is given more than once or without a value
     */
    public Optional<String> value(String name) throws CommandLineException {
        List<Option> found = all(name);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        if (found.size() > 1) {
            throw new CommandLineException("The option /" + name + " is given " + found.size()
                    + " times; give it once.");
        }
        Option option = found.get(0);
        if (option.value().isEmpty() || option.value().get().isEmpty()) {
            throw new CommandLineException("The option /" + name + " needs a value, as in /" + name + ":<value>.");
        }
        return option.value();
    }

    /**
     * The values of an option that may be repeated (/PackagePath, /FeatureName, /Driver), in command-line order.
     *
     * @throws CommandLineException when one of them has no value
     */
    public List<String> values(String name, String example) throws CommandLineException {
        List<String> values = new ArrayList<>();
        for (Option option : all(name)) {
            values.add(option.value().filter(v -> !v.isEmpty()).orElseThrow(() -> new CommandLineException(
                    "The option /" + name + " needs a value, as in /" + name + ":" + example + ".")));
        }
        return values;
    }

    /** The value of an option that must be given. */
    public String required(String name, String example) throws CommandLineException {
        return value(name).orElseThrow(() -> new CommandLineException(
                "The option /" + name + " is missing; give it as /" + name + ":" + example + "."));
    }

    /** The value of an option that holds a positive whole number, such as /Index. */
    public Optional<Integer> positiveNumber(String name) throws CommandLineException {
        Optional<String> value = value(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            int number = Integer.parseInt(value.get().trim());
            if (number >= 1) {
                return Optional.of(number);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CommandLineException("The value \"" + value.get() + "\" of /" + name
                + " is not valid; give a whole number from 1 up.");
    }
}
