package org.imagesmith.servicing.apps;

import static org.imagesmith.servicing.apps.InstallerFileException.Problem.INVALID;
import static org.imagesmith.servicing.apps.InstallerFileException.Problem.UNREADABLE;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.hpsf.NoPropertySetStreamException;
import org.apache.poi.hpsf.PropertySet;
import org.apache.poi.hpsf.SummaryInformation;
import org.apache.poi.hpsf.UnexpectedPropertySetTypeException;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.DocumentEntry;
import org.apache.poi.poifs.filesystem.DocumentInputStream;
import org.apache.poi.poifs.filesystem.NotOLE2FileException;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Reads Windows Installer files with Apache POI: POIFS for the OLE compound file (storages, streams and class IDs)
 * and HPSF for the summary information property set. The only class that uses POI.
 */
final class CompoundFileReader {
    /** No installer summary information stream is near this size; a larger one is refused before it is read. */
    private static final int MAX_SUMMARY_STREAM = 1 << 20;
    /** More transforms than any patch carries; a longer list is refused. */
    private static final int MAX_TRANSFORMS = 4096;

    private CompoundFileReader() {
    }

    static InstallerFile readFile(Path file) throws InstallerFileException {
        try (POIFSFileSystem fs = open(file)) {
            return describe(file, fs.getRoot());
        } catch (IOException | RuntimeException e) {
            throw damaged(file, e);
        }
    }

    static PatchPackage readPatch(Path file) throws InstallerFileException {
        try (POIFSFileSystem fs = open(file)) {
            DirectoryEntry root = fs.getRoot();
            InstallerFile described = describe(file, root);
            if (described.kind() != InstallerFileKind.PATCH) {
                throw new InstallerFileException(file, INVALID, "this is a Windows Installer " + described.kind().description()
                        + ", not a patch package (.msp).");
            }
            return patch(file, root, described.summary());
        } catch (IOException | RuntimeException e) {
            throw damaged(file, e);
        }
    }

    private static POIFSFileSystem open(Path file) throws InstallerFileException {
        if (!Files.isRegularFile(file)) {
            throw new InstallerFileException(file, UNREADABLE, "the file does not exist.");
        }
        try {
            return new POIFSFileSystem(file.toFile(), true);
        } catch (NotOLE2FileException e) {
            throw new InstallerFileException(file, UNREADABLE,
                    "the file is not a Windows Installer file: it is not an OLE compound"
                    + " file (it does not start with the signature D0 CF 11 E0 A1 B1 1A E1).", e);
        } catch (IOException | RuntimeException e) {
            throw damaged(file, e);
        }
    }

    private static InstallerFileException damaged(Path file, Exception e) {
        if (e instanceof InstallerFileException known) {
            return known;
        }
        return new InstallerFileException(file, UNREADABLE, "the compound file is damaged and cannot be read ("
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ").", e);
    }

    private static InstallerFile describe(Path file, DirectoryEntry root) throws IOException, InstallerFileException {
        String classId = String.valueOf(root.getStorageClsid());
        InstallerFileKind kind = InstallerFileKind.ofClassId(classId).orElseThrow(() -> new InstallerFileException(file, INVALID,
                "the compound file is not a Windows Installer file: its root storage's class ID is " + classId + "."));
        return new InstallerFile(file, kind, summary(file, root, "the file"));
    }

    private static InstallerSummaryInformation summary(Path file, DirectoryEntry storage, String where)
            throws IOException, InstallerFileException {
        if (!storage.hasEntry(SummaryInformation.DEFAULT_STREAM_NAME)
                || !(storage.getEntry(SummaryInformation.DEFAULT_STREAM_NAME) instanceof DocumentEntry stream)) {
            throw new InstallerFileException(file, INVALID, where + " has no summary information stream (\\005SummaryInformation).");
        }
        if (stream.getSize() > MAX_SUMMARY_STREAM) {
            throw new InstallerFileException(file, INVALID, "the summary information stream of " + where + " is " + stream.getSize()
                    + " bytes long; no Windows Installer file has one that large.");
        }
        SummaryInformation info;
        try (InputStream in = new DocumentInputStream(stream)) {
            PropertySet set = new PropertySet(in);
            if (!set.isSummaryInformation()) {
                throw new InstallerFileException(file, INVALID, "the summary information stream of " + where
                        + " holds another property set (format ID " + set.getFirstSection().getFormatID() + ").");
            }
            info = new SummaryInformation(set);
        } catch (NoPropertySetStreamException | UnexpectedPropertySetTypeException e) {
            throw new InstallerFileException(file, INVALID, "the summary information stream of " + where
                    + " is not a property set stream.", e);
        }
        return new InstallerSummaryInformation(info.getFirstSection().getCodepage(), text(info.getTitle()),
                text(info.getSubject()), text(info.getAuthor()), text(info.getKeywords()), text(info.getComments()),
                text(info.getTemplate()), text(info.getLastAuthor()), text(info.getRevNumber()),
                text(info.getApplicationName()), number(info, info.getPageCount()), number(info, info.getWordCount()),
                number(info, info.getCharCount()), number(info, info.getSecurity()));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    /** HPSF returns 0 for a missing number and tells so with wasNull(). */
    private static int number(SummaryInformation info, int value) {
        return info.wasNull() ? -1 : value;
    }

    private static PatchPackage patch(Path file, DirectoryEntry root, InstallerSummaryInformation summary)
            throws IOException, InstallerFileException {
        List<PackedGuid> targets = new ArrayList<>();
        for (String code : summary.template().split(";")) {
            if (!code.isBlank()) {
                targets.add(guid(file, code, "a target product code in the Template property"));
            }
        }
        if (targets.isEmpty()) {
            throw new InstallerFileException(file, INVALID, "the patch names no target product (its Template property is empty).");
        }
        String revision = summary.revisionNumber().strip();
        if (revision.length() < 38 || revision.length() % 38 != 0) {
            throw new InstallerFileException(file, INVALID, "the Revision Number \"" + revision + "\" is not the patch code followed"
                    + " by the codes of the patches it obsoletes.");
        }
        PackedGuid patchCode = guid(file, revision.substring(0, 38), "the patch code in the Revision Number");
        List<PackedGuid> obsoleted = new ArrayList<>();
        for (int at = 38; at < revision.length(); at += 38) {
            obsoleted.add(guid(file, revision.substring(at, at + 38), "an obsoleted patch code in the Revision Number"));
        }
        List<String> names = new ArrayList<>();
        List<PatchTransform> transforms = new ArrayList<>();
        for (String listed : summary.lastSavedBy().split(";")) {
            String name = listed.strip().startsWith(":") ? listed.strip().substring(1) : listed.strip();
            if (name.isEmpty()) {
                continue;
            }
            if (names.size() == MAX_TRANSFORMS) {
                throw new InstallerFileException(file, INVALID, "the patch lists more than " + MAX_TRANSFORMS + " transforms.");
            }
            names.add(name);
            // "#name" transforms add the patch's own tables; only product transforms say what they target
            if (!name.startsWith("#") && root.hasEntry(name) && root.getEntry(name) instanceof DirectoryEntry storage) {
                transforms.add(transform(file, name, storage));
            }
        }
        return new PatchPackage(file, summary, targets, patchCode, obsoleted, names, transforms);
    }

    private static PatchTransform transform(Path file, String name, DirectoryEntry storage)
            throws IOException, InstallerFileException {
        InstallerSummaryInformation summary = summary(file, storage, "the transform " + name);
        try {
            return PatchTransform.of(name, summary);
        } catch (IllegalArgumentException e) {
            throw new InstallerFileException(file, INVALID, e.getMessage() + ".", e);
        }
    }

    private static PackedGuid guid(Path file, String text, String what) throws InstallerFileException {
        try {
            return PackedGuid.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InstallerFileException(file, INVALID, what + " is not a GUID: \"" + text.strip() + "\".", e);
        }
    }
}
