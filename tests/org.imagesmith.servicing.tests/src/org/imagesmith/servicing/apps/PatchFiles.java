package org.imagesmith.servicing.apps;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.hpsf.ClassID;
import org.apache.poi.hpsf.SummaryInformation;
import org.apache.poi.hpsf.WritingNotSupportedException;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Patches with product transforms, which msitools cannot make: written with POI as Windows Installer lays them
 * out (a patch-class root with summary information, and one transform-class sub-storage per transform, each with
 * its own summary information naming its target and upgraded product versions and its validation flags).
 */
final class PatchFiles {
    private PatchFiles() {
    }

    /** A transform of the patch: its storage name, target and upgraded versions of one product, validation flags. */
    record Transform(String name, String productCode, String targetVersion, String upgradedVersion, int validation) {
    }

    static Path write(Path file, String patchCode, List<String> targets, String subject, List<Transform> transforms)
            throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            fs.getRoot().setStorageClsid(new ClassID(InstallerFileKind.PATCH.classId()));
            SummaryInformation root = new SummaryInformation();
            root.setTitle("Patch");
            root.setSubject(subject);
            root.setAuthor("Contoso Ltd.");
            root.setKeywords("Installer, Patch");
            root.setTemplate(String.join(";", targets));
            root.setLastAuthor(String.join(";", transforms.stream().map(t -> ":" + t.name() + ";:#" + t.name()).toList()));
            root.setRevNumber(patchCode);
            root.setWordCount(4);
            write(fs.getRoot(), root);
            for (Transform t : transforms) {
                DirectoryEntry storage = fs.getRoot().createDirectory(t.name());
                storage.setStorageClsid(new ClassID(InstallerFileKind.TRANSFORM.classId()));
                SummaryInformation info = new SummaryInformation();
                info.setTemplate("x64;1033");
                info.setRevNumber(t.productCode() + t.targetVersion() + ";" + t.productCode() + t.upgradedVersion()
                        + ";{C0C0C0C0-1111-2222-3333-444444444444}");
                info.setCharCount(t.validation() << 16);
                write(storage, info);
                fs.getRoot().createDirectory("#" + t.name()).setStorageClsid(new ClassID(InstallerFileKind.TRANSFORM.classId()));
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                fs.writeFilesystem(out);
            }
        }
        return file;
    }

    private static void write(DirectoryEntry storage, SummaryInformation info) throws IOException {
        info.getFirstSection().setCodepage(1252); // as the installer writes them (POI's default is UTF-16)
        try {
            info.write(storage, SummaryInformation.DEFAULT_STREAM_NAME);
        } catch (WritingNotSupportedException e) {
            throw new IOException(e);
        }
    }
}
