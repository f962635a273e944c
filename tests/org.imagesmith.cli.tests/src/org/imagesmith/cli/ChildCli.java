package org.imagesmith.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.imagesmith.wim.PausePoints;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The imagesmith command as a separate process, as a user runs it: a child JVM on the class path of the command
 * line's bundle and every bundle it is wired to, with its own state folder (XDG_STATE_HOME: mount records, locks,
 * notes of temporary files) and temporary folder. {@link #killAt} stops it at a named point of the writers (see
 * {@link PausePoints}) and kills it there with SIGKILL.
 */
final class ChildCli {
    private static final String CLASS_PATH = classPath();
    private final Path state;
    private final Path temp;

    ChildCli(Path state, Path temp) {
        this.state = state;
        this.temp = temp;
    }

    /** Runs a command to its end. */
    CliRun run(String... args) throws Exception {
        Process process = start(null, args);
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "imagesmith " + String.join(" ", args) + " did not finish");
        return new CliRun(process.exitValue(), out.get(), err.get());
    }

    /** Runs a command until it reaches the point, then kills it there (SIGKILL) and returns once it is gone. */
    void killAt(String point, String... args) throws Exception {
        Process process = start(point, args);
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        StringBuilder err = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.equals("imagesmith: paused at " + point)) {
                    process.destroyForcibly();
                    process.waitFor(1, TimeUnit.MINUTES);
                    return;
                }
                err.append(line).append('\n');
            }
        } finally {
            process.destroyForcibly();
        }
        process.waitFor(1, TimeUnit.MINUTES);
        fail("imagesmith " + String.join(" ", args) + " ended (exit code " + process.exitValue() + ") without reaching "
                + point + ":\n" + out.get() + err + "\n(class path: " + CLASS_PATH + ")");
    }

    private Process start(String pauseAt, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xshare:auto");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Djava.io.tmpdir=" + temp);
        if (pauseAt != null) {
            command.add("-D" + PausePoints.PROPERTY + "=" + pauseAt);
        }
        command.add("-cp");
        command.add(CLASS_PATH);
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("XDG_STATE_HOME", state.toString());
        return builder.start();
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** The files of the command line's bundle and of every bundle it needs, as a class path. */
    private static String classPath() {
        Bundle cli = FrameworkUtil.getBundle(Main.class);
        Set<Bundle> seen = new LinkedHashSet<>();
        Deque<Bundle> todo = new ArrayDeque<>(List.of(cli));
        while (!todo.isEmpty()) {
            Bundle bundle = todo.pop();
            if (bundle.getBundleId() == 0 || !seen.add(bundle)) {
                continue;
            }
            BundleWiring wiring = bundle.adapt(BundleWiring.class);
            if (wiring != null) {
                for (BundleWire wire : wiring.getRequiredWires(null)) {
                    todo.add(wire.getProviderWiring().getBundle());
                }
            }
        }
        Set<String> entries = new LinkedHashSet<>();
        for (Bundle bundle : seen) {
            location(bundle).ifPresent(file -> {
                Path classes = file.resolve("target/classes");
                entries.add((Files.isDirectory(classes) ? classes : file).toString());
            });
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    /**
     * The bundle's jar or folder: its location is "reference:file:" and a path, maybe after "initial@"; a relative path
     * is relative to the framework's install area (where Tycho puts the test runtime).
     */
    private static Optional<Path> location(Bundle bundle) {
        String location = bundle.getLocation();
        int file = location.indexOf("file:");
        if (file < 0) {
            return Optional.empty();
        }
        Path path = Path.of(URLDecoder.decode(location.substring(file + "file:".length()), StandardCharsets.UTF_8));
        if (!path.isAbsolute()) {
            String area = System.getProperty("osgi.install.area", "");
            area = area.startsWith("file:") ? area.substring("file:".length()) : area;
            path = Path.of(URLDecoder.decode(area, StandardCharsets.UTF_8)).resolve(path).normalize();
        }
        return Files.exists(path) ? Optional.of(path) : Optional.empty();
    }
}
