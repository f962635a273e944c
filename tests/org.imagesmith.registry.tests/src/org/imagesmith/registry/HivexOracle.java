package org.imagesmith.registry;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Runs the Debian libhivex-bin tools (hivexml, hivexsh, hivexget) and turns hive trees, theirs and ours, into the same
 * canonical list of lines: one per key (in stored order) and one per value with hivexml's type name and rendering.
 */
final class HivexOracle {
    private HivexOracle() {
    }

    /** Runs a tool and returns its standard output; fails the test when it is missing or fails. */
    static String run(String stdin, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(false);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            fail(command[0] + " is not installed; install the Debian package libhivex-bin (" + e.getMessage() + ")");
            throw e;
        }
        try (var in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[][] streams = new byte[2][];
        Thread err = new Thread(() -> streams[1] = readAll(p.getErrorStream()));
        err.start();
        streams[0] = readAll(p.getInputStream());
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(String.join(" ", command) + " did not finish in 60 s");
        }
        err.join();
        String out = new String(streams[0], StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            fail(String.join(" ", command) + " exited with " + p.exitValue() + ": "
                    + new String(streams[1], StandardCharsets.UTF_8) + out);
        }
        return out;
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /** Runs a hivexsh script on {@code hive} with writes allowed; the script should end with "commit". */
    static void hivexshWrite(Path hive, String script) throws IOException, InterruptedException {
        Path file = Files.createTempFile(hive.getParent(), "script", ".hivexsh");
        Files.writeString(file, script);
        run(null, "hivexsh", "-w", "-f", file.toString(), hive.toString());
    }

    /** The canonical tree of a hive file as hivexml reads it. */
    static List<String> hivexTree(Path hive) throws Exception {
        String xml = run(null, "hivexml", hive.toString());
        Element doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        List<String> out = new ArrayList<>();
        for (Node n = doc.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals("node")) {
                xmlNode(e, "", out);
            }
        }
        return out;
    }

    private static void xmlNode(Element node, String path, List<String> out) {
        out.add("K " + path);
        for (Node n = node.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals("value")) {
                String name = e.hasAttribute("default") ? "@" : e.getAttribute("key");
                String type = e.getAttribute("type");
                String rendered;
                if (type.equals("string-list")) {
                    List<String> strings = new ArrayList<>();
                    for (Node s = e.getFirstChild(); s != null; s = s.getNextSibling()) {
                        if (s instanceof Element se && se.getTagName().equals("string")
                                && !se.getTextContent().isEmpty()) {
                            strings.add(se.getTextContent());
                        }
                    }
                    rendered = String.join("|", strings);
                } else {
                    rendered = e.getAttribute("value");
                    if (e.getAttribute("encoding").equals("base64")) {
                        rendered = rendered.replaceAll("\\s", "");
                    }
                }
                out.add("V " + path + " : " + name + " : " + type + " : " + rendered);
            }
        }
        for (Node n = node.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals("node")) {
                String name = e.getAttribute("name");
                xmlNode(e, path.isEmpty() ? name : path + "\\" + name, out);
            }
        }
    }

    /** Asserts two canonical trees are equal, reporting the first difference briefly. */
    static void assertSameTree(List<String> expected, List<String> actual) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                fail("trees differ at line " + i + ":\n expected " + brief(expected.get(i)) + "\n but was  "
                        + brief(actual.get(i)));
            }
        }
        if (expected.size() != actual.size()) {
            fail("trees differ in length: expected " + expected.size() + " lines, was " + actual.size()
                    + "; first extra: " + brief((expected.size() > actual.size() ? expected : actual)
                            .get(Math.min(expected.size(), actual.size()))));
        }
    }

    private static String brief(String line) {
        return line.length() > 300 ? line.substring(0, 300) + "... (" + line.length() + " chars)" : line;
    }

    /** The canonical tree of our hive, rendered the way hivexml renders values. */
    static List<String> ourTree(Hive hive) {
        List<String> out = new ArrayList<>();
        ourNode(hive.root(), out);
        return out;
    }

    private static void ourNode(RegistryKey key, List<String> out) {
        out.add("K " + key.path());
        for (RegistryValue v : key.values()) {
            out.add("V " + key.path() + " : " + (v.name().isEmpty() ? "@" : v.name()) + " : " + typeName(v.type())
                    + " : " + render(v));
        }
        for (RegistryKey child : key.subkeys()) {
            ourNode(child, out);
        }
    }

    static String typeName(int type) {
        return switch (type) {
            case 0 -> "none";
            case 1 -> "string";
            case 2 -> "expand";
            case 3 -> "binary";
            case 4, 5 -> "int32";
            case 6 -> "link";
            case 7 -> "string-list";
            case 8 -> "resource-list";
            case 9 -> "full-resource-description";
            case 10 -> "resource-requirements-list";
            case 11 -> "int64";
            default -> "unknown";
        };
    }

    private static String render(RegistryValue v) {
        return switch (v.type()) {
            case 1, 2, 6 -> v.asString();
            case 4, 5 -> Integer.toString(v.asDword());
            case 11 -> Long.toString(v.asQword());
            case 7 -> String.join("|", v.asMultiString());
            default -> Base64.getEncoder().encodeToString(v.data());
        };
    }
}
