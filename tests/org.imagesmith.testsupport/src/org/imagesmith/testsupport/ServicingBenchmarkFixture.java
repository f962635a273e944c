package org.imagesmith.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes what releng/benchmarks/apply-unattend-benchmark.sh measures: a synthetic Windows 7 SP1 x64 image made
 * several hundred MB large with real files copied from this machine's /usr (as System32 holds binaries and text),
 * and beside it {@link Windows7AnswerFile} with its packages and drivers.
 *
 * <p>Usage: {@code ServicingBenchmarkFixture <folder> <MB of filler>}; writes folder/image and folder/config.
 */
public final class ServicingBenchmarkFixture {
    private ServicingBenchmarkFixture() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ServicingBenchmarkFixture <folder> <MB of filler>");
            System.exit(87);
        }
        Path folder = Path.of(args[0]);
        long budget = Long.parseLong(args[1]) * 1024 * 1024;
        Path image = SyntheticWindowsImage.write(folder.resolve("image"), SyntheticWindowsImage.Kind.WINDOWS_7_SP1_X64);
        long used = fill(image.resolve("Windows/System32/filler"), Path.of("/usr/lib"), budget / 2);
        used += fill(image.resolve("Program Files/Filler"), Path.of("/usr/share"), budget - used);

        Path config = Files.createDirectories(folder.resolve("config"));
        Windows7AnswerFile.writeSources(config, folder.resolve("work"));
        Files.writeString(config.resolve("unattend.xml"), Windows7AnswerFile.text("amd64"));
        System.out.println(used);
    }

    /** Copies regular files from source into target until budget bytes are used; returns the bytes copied. */
    private static long fill(Path target, Path source, long budget) throws IOException {
        long used = 0;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(source)) {
            files = walk.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS) && Files.isReadable(p))
                    .filter(p -> !p.toString().contains(":") && !p.toString().contains("\\")) // names Windows cannot hold
                    .sorted().toList();
        }
        for (Path file : files) {
            long size = Files.size(file);
            if (used + size > budget) {
                continue;
            }
            Path copy = target.resolve(source.relativize(file).toString());
            Files.createDirectories(copy.getParent());
            Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
            used += size;
            if (budget - used < 4096) {
                break;
            }
        }
        return used;
    }
}
