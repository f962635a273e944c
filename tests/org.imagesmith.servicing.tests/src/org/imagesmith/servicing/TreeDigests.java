package org.imagesmith.servicing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The names and SHA-1 of every file under a folder: equal digests mean an untouched image. */
public final class TreeDigests {
    private TreeDigests() {
    }

    public static TreeMap<String, String> of(Path root) throws IOException {
        TreeMap<String, String> result = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted().toList()) {
                String name = root.relativize(file).toString();
                result.put(name, Files.isRegularFile(file) ? sha1(Files.readAllBytes(file)) : "<dir>");
            }
        }
        return result;
    }

    private static String sha1(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
