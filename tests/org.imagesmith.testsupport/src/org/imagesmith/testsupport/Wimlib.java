package org.imagesmith.testsupport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** wimlib-imagex (Debian package wimtools), the oracle for WIM files: it makes them and tells what they hold. */
public final class Wimlib {
    private static final ExternalTool WIMLIB = new ExternalTool("wimlib-imagex", "wimtools");

    private Wimlib() {
    }

    /** Captures a directory as a new WIM file; extra options such as "--compress=lzx" or "--solid" follow. */
    public static void capture(Path source, Path wim, String name, String description, String... options) {
        List<String> args = new ArrayList<>(List.of("capture", source.toString(), wim.toString(), name, description));
        args.addAll(List.of(options));
        WIMLIB.run(args.toArray(String[]::new));
    }

    /** Appends a directory as a new image of an existing WIM file. */
    public static void append(Path source, Path wim, String name, String description, String... options) {
        List<String> args = new ArrayList<>(List.of("append", source.toString(), wim.toString(), name, description));
        args.addAll(List.of(options));
        WIMLIB.run(args.toArray(String[]::new));
    }

    /** Applies (extracts) an image to a directory, as the reference for what applying must produce. */
    public static void apply(Path wim, int index, Path target, String... options) {
        List<String> args = new ArrayList<>(List.of("apply", wim.toString(), Integer.toString(index), target.toString()));
        args.addAll(List.of(options));
        WIMLIB.run(args.toArray(String[]::new));
    }

    /**
     * Splits a WIM file into parts of at most {@code partSizeMb} MiB (a larger stream makes a larger part), named
     * like {@code firstPart} with a number: install.swm, install2.swm, ...
     */
    public static void split(Path wim, Path firstPart, int partSizeMb, String... options) {
        List<String> args = new ArrayList<>(List.of("split", wim.toString(), firstPart.toString(),
                Integer.toString(partSizeMb)));
        args.addAll(List.of(options));
        WIMLIB.run(args.toArray(String[]::new));
    }

    /** Joins the parts of a split WIM into one WIM file. */
    public static void join(Path joined, List<Path> parts, String... options) {
        List<String> args = new ArrayList<>(List.of("join", joined.toString()));
        parts.forEach(part -> args.add(part.toString()));
        args.addAll(List.of(options));
        WIMLIB.run(args.toArray(String[]::new));
    }

    /** Sets XML properties of an image, such as "WINDOWS/EDITIONID=Professional". */
    public static void setProperties(Path wim, int index, String... properties) {
        List<String> args = new ArrayList<>(List.of("info", wim.toString(), Integer.toString(index)));
        for (String property : properties) {
            args.add("--image-property");
            args.add(property);
        }
        WIMLIB.run(args.toArray(String[]::new));
    }

    /** Makes an image the boot image. */
    public static void setBootIndex(Path wim, int index) {
        WIMLIB.run("info", wim.toString(), Integer.toString(index), "--boot");
    }

    /** What "wimlib-imagex info" prints about a WIM file and each of its images. */
    public record Info(Map<String, String> file, List<Map<String, String>> images) {
    }

    /** Runs "wimlib-imagex info" and parses its "Key: value" blocks. */
    public static Info info(Path wim) {
        String text = WIMLIB.run("info", wim.toString());
        Map<String, String> file = new LinkedHashMap<>();
        List<Map<String, String>> images = new ArrayList<>();
        Map<String, String> current = file;
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String key = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (key.equals("Index")) {
                current = new LinkedHashMap<>();
                images.add(current);
            }
            current.put(key, value);
        }
        return new Info(file, images);
    }

    /**
     * Runs "wimlib-imagex verify" (integrity table if any, metadata, every stream's SHA-1) and fails, with its
     * output, when it finds the file damaged.
     */
    public static void verify(Path wim) {
        WIMLIB.run("verify", wim.toString());
    }

    /** Runs any wimlib-imagex command. */
    public static String run(String... arguments) {
        return WIMLIB.run(arguments);
    }
}
