package org.imagesmith.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.imagesmith.cab.CabinetBuilder;
import org.imagesmith.cab.CompressionType;

/**
 * A servicing package for tests: an update.mum (urn:schemas-microsoft-com:asm.v3) with its identity, release type,
 * parent, dependencies and updates, and one component's payload; written as a folder, as a cabinet (by gcab or by
 * our own cabinet writer) or wrapped in an .msu.
 */
public final class SyntheticPackage {
    public static final String TOKEN = "31bf3856ad364e35";
    private static final ExternalTool GCAB = new ExternalTool("gcab", "gcab");

    private final String name;
    private final String architecture;
    private final String language;
    private final String version;
    private String releaseType = "Update";
    private String restart = "possible";
    private String parent = "";
    private final List<String> dependencies = new ArrayList<>();
    private final List<String> updates = new ArrayList<>();
    private boolean languageResources;
    private boolean permanent;

    public SyntheticPackage(String name, String architecture, String language, String version) {
        this.name = name;
        this.architecture = architecture;
        this.language = language;
        this.version = version;
    }

    /** An update for Windows 7 SP1 x64 that applies to its foundation package. */
    public static SyntheticPackage update(String kb) {
        return new SyntheticPackage("Package_for_" + kb, "amd64", "", "6.1.1.17514")
                .parent(SyntheticWindowsImage.FOUNDATION_NAME, SyntheticWindowsImage.VERSION, "GE");
    }

    public SyntheticPackage releaseType(String value) {
        this.releaseType = value;
        return this;
    }

    public SyntheticPackage restart(String value) {
        this.restart = value;
        return this;
    }

    public SyntheticPackage parent(String parentName, String parentVersion, String buildCompare) {
        this.parent = "<parent buildCompare=\"" + buildCompare + "\" integrate=\"separate\" disposition=\"detect\">"
                + identityXml(parentName, architecture, "neutral", parentVersion) + "</parent>";
        return this;
    }

    public SyntheticPackage dependency(String dependencyName, String dependencyVersion) {
        dependencies.add("<dependency discoverable=\"false\"><dependentAssembly>"
                + identityXml(dependencyName, architecture, "neutral", dependencyVersion) + "</dependentAssembly></dependency>");
        return this;
    }

    /** A selectable update (a feature). */
    public SyntheticPackage feature(String featureName, String displayName) {
        updates.add("<update name=\"" + featureName + "\" displayName=\"" + displayName + "\" description=\"The "
                + displayName + " feature.\" restart=\"possible\"><component>"
                + identityXml("Microsoft-Windows-" + featureName, architecture, "neutral", version) + "</component></update>");
        return this;
    }

    /** Marks the package permanent, as servicing stack updates are ({@code permanence="permanent"} on {@code <package>}). */
    public SyntheticPackage permanent() {
        this.permanent = true;
        return this;
    }

    /** Marks the update as carrying language-specific resources (language="*" components). */
    public SyntheticPackage withLanguageResources() {
        this.languageResources = true;
        return this;
    }

    public String identity() {
        return name + "~" + TOKEN + "~" + architecture + "~" + language + "~" + version;
    }

    private static String identityXml(String n, String arch, String lang, String v) {
        return "<assemblyIdentity name=\"" + n + "\" version=\"" + v + "\" processorArchitecture=\"" + arch
                + "\" language=\"" + lang + "\" publicKeyToken=\"" + TOKEN + "\"/>";
    }

    /** The update.mum text. */
    public String manifest() {
        String componentName = name.toLowerCase() + "-payload";
        StringBuilder xml = new StringBuilder();
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n")
                .append("<assembly xmlns=\"urn:schemas-microsoft-com:asm.v3\" manifestVersion=\"1.0\" displayName=\"")
                .append(name).append("\" description=\"Fix for ").append(name).append("\" company=\"Microsoft Corporation\"")
                .append(" copyright=\"Copyright (c) Microsoft Corporation. All Rights Reserved.\" supportInformation=\"")
                .append("http://support.microsoft.com/?kbid=").append(name.replaceAll("\\D", "")).append("\">\n")
                .append("  ").append(identityXml(name, architecture, language.isEmpty() ? "neutral" : language, version)).append('\n')
                .append("  <package identifier=\"").append(name).append("\" releaseType=\"").append(releaseType)
                .append("\" restart=\"").append(restart).append("\"")
                .append(permanent ? " permanence=\"permanent\"" : "").append(">\n");
        if (!parent.isEmpty()) {
            xml.append("    ").append(parent).append('\n');
        }
        dependencies.forEach(d -> xml.append("    ").append(d).append('\n'));
        xml.append("    <update name=\"").append(componentName).append("\"><component>")
                .append(identityXml(componentName, architecture, languageResources ? "*" : "neutral", version))
                .append("</component></update>\n");
        updates.forEach(u -> xml.append("    ").append(u).append('\n'));
        xml.append("  </package>\n</assembly>\n");
        return xml.toString();
    }

    /** Writes the expanded package: update.mum, update.cat, a component folder and its .manifest. */
    public Path writeFolder(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("update.mum"), manifest(), StandardCharsets.UTF_8);
        Files.write(dir.resolve("update.cat"), ("catalog of " + name).getBytes(StandardCharsets.US_ASCII));
        String component = architecture + "_" + name.toLowerCase() + "_" + TOKEN + "_" + version + "_none_0123456789abcdef";
        Path payload = Files.createDirectories(dir.resolve(component));
        Files.writeString(payload.resolve(name.toLowerCase() + ".dll"), "payload of " + name + "\n".repeat(200));
        Files.writeString(dir.resolve(component + ".manifest"), "<assembly manifestVersion=\"1.0\"/>");
        return dir;
    }

    /** Writes the package as a cabinet with gcab (MSZIP). */
    public Path writeCabinetWithGcab(Path work, Path cab) throws IOException {
        Path folder = writeFolder(work);
        // gcab stores the names as given, so it runs in the package folder on relative paths
        List<String> relative = new ArrayList<>(List.of("-c", "-z", cab.toAbsolutePath().toString()));
        try (var files = Files.walk(folder)) {
            files.filter(Files::isRegularFile).forEach(f -> relative.add(folder.relativize(f).toString()));
        }
        GCAB.runIn(folder, relative.toArray(String[]::new));
        return cab;
    }

    /** Writes the package as a cabinet with our own cabinet writer (MSZIP). */
    public Path writeCabinet(Path work, Path cab) throws IOException {
        Path folder = writeFolder(work);
        CabinetBuilder builder = new CabinetBuilder(CompressionType.MSZIP);
        try (var files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                builder.addFile(folder.relativize(f).toString().replace('/', '\\'), Files.readAllBytes(f),
                        LocalDateTime.of(2010, 11, 20, 12, 0), 0x20);
            }
        }
        builder.write(cab);
        return cab;
    }

    /** Writes an .msu: a cabinet holding the package cabinet, a pkgProperties.txt and an .xml. */
    public Path writeMsu(Path work, Path msu) throws IOException {
        String kb = name.replace("Package_for_", "");
        String cabName = "Windows6.1-" + kb + "-x64.cab";
        Path inner = writeCabinet(work.resolve("expanded"), work.resolve(cabName));
        Path properties = work.resolve("Windows6.1-" + kb + "-x64-pkgProperties.txt");
        Files.writeString(properties, "ApplicabilityInfo=\"Windows 7.0 Client SP1;\"\r\nAppliesTo=\"Windows 7\"\r\n"
                + "Build Date=\"2010/11/20\"\r\nKB Article Number=\"" + kb.replace("KB", "") + "\"\r\n"
                + "Installation Type=\"Update\"\r\nProduct Name=\"Windows 7\"\r\n");
        Path xml = work.resolve("Windows6.1-" + kb + "-x64.xml");
        Files.writeString(xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><unattend xmlns=\"urn:schemas-microsoft-com:unattend\">"
                + "<servicing><package action=\"install\"><assemblyIdentity name=\"" + name + "\" version=\"" + version
                + "\" processorArchitecture=\"" + architecture + "\" language=\"neutral\" publicKeyToken=\"" + TOKEN
                + "\"/><source location=\"%configsetroot%\\" + cabName + "\"/></package></servicing></unattend>");
        new CabinetBuilder(CompressionType.MSZIP)
                .addFile("WSUSSCAN.cab", new byte[] {'M', 'S', 'C', 'F'}, LocalDateTime.of(2010, 11, 20, 12, 0), 0x20)
                .addFile(cabName, inner).addFile(properties.getFileName().toString(), properties)
                .addFile(xml.getFileName().toString(), xml).write(msu);
        return msu;
    }
}
