package org.imagesmith.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;

/** One run of the imagesmith command in this process: its exit code and what it printed (times in UTC). */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), ZoneOffset.UTC);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static CliRun of(String... args) {
        return of(List.of(args));
    }

    /** A servicing command on an offline image: /Image:&lt;image&gt; /LogPath:&lt;log&gt; followed by the arguments. */
    static CliRun onImage(java.nio.file.Path image, java.nio.file.Path log, String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("/Image:" + image, "/LogPath:" + log));
        all.addAll(List.of(args));
        return of(all);
    }
}
