package org.imagesmith.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a third-party command-line tool (the oracle of a test) and returns what it printed. A missing tool is an
 * error that says which Debian package to install, never a skipped test.
 */
public final class ExternalTool {
    private final String command;
    private final String debianPackage;

    public ExternalTool(String command, String debianPackage) {
        this.command = command;
        this.debianPackage = debianPackage;
    }

    /** The result of one run: exit code and the standard output and error, decoded as UTF-8. */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    /** Runs the tool and fails when it exits non-zero. */
    public String run(String... arguments) {
        return runIn(null, arguments);
    }

    /** Runs the tool in a working directory and fails when it exits non-zero. */
    public String runIn(Path workingDirectory, String... arguments) {
        Result result = start(workingDirectory, arguments);
        if (result.exitCode() != 0) {
            throw new IllegalStateException(command + " " + String.join(" ", arguments) + " failed with exit code "
                    + result.exitCode() + ":\n" + result.stderr() + result.stdout());
        }
        return result.stdout();
    }

    /** Runs the tool and returns its result whatever its exit code. */
    public Result runAllowingFailure(String... arguments) {
        return start(null, arguments);
    }

    /** Runs the tool in a working directory (null: this process's) and returns its result whatever its exit code. */
    public Result runAllowingFailureIn(Path workingDirectory, String... arguments) {
        return start(workingDirectory, arguments);
    }

    private Result start(Path workingDirectory, String... arguments) {
        List<String> commandLine = new ArrayList<>();
        commandLine.add(locate());
        commandLine.addAll(Arrays.asList(arguments));
        try {
            Path out = Files.createTempFile("oracle-out", ".txt");
            Path err = Files.createTempFile("oracle-err", ".txt");
            try {
                ProcessBuilder builder = new ProcessBuilder(commandLine);
                if (workingDirectory != null) {
                    builder.directory(workingDirectory.toFile());
                }
                Process process = builder.redirectOutput(out.toFile())
                        .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                        .start();
                if (!process.waitFor(5, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(command + " did not finish within 5 minutes");
                }
                return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    private String locate() {
        if (command.contains("/")) {
            if (Files.isExecutable(Path.of(command))) {
                return command;
            }
            throw new IllegalStateException("The program " + command + " is missing or not executable.");
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException("The test oracle '" + command + "' is not installed. Install the Debian package '"
                + debianPackage + "' (apt-get install " + debianPackage + "); .ci/run does this.");
    }
}
