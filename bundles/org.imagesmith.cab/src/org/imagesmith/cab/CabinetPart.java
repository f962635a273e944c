package org.imagesmith.cab;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One cabinet file: its CFHEADER, CFFOLDERs and CFFILEs, and the open file for reading its CFDATA blocks. */
final class CabinetPart implements Closeable {
    final CabinetSource source;
    final CfHeader header;
    final List<CfFolder> folders;
    final List<CfFile> files;

    private CabinetPart(CabinetSource source, CfHeader header, List<CfFolder> folders, List<CfFile> files) {
        this.source = source;
        this.header = header;
        this.folders = folders;
        this.files = files;
    }

    static CabinetPart read(Path path) throws IOException {
        CabinetSource source = CabinetSource.open(path);
        try {
            CfHeader header = CfHeader.read(source);
            long position = header.size();
            List<CfFolder> folders = new ArrayList<>();
            for (int i = 0; i < header.cFolders(); i++) {
                folders.add(CfFolder.read(source, position, i));
                position += CfFolder.FIXED_SIZE + header.cbCFFolder();
            }
            if (position > header.coffFiles()) {
                throw new CabinetFormatException("cabinet '" + source.name() + "' is damaged: its " + header.cFolders()
                        + " CFFOLDERs end at 0x" + Long.toHexString(position) + ", past CFHEADER.coffFiles (0x"
                        + Long.toHexString(header.coffFiles()) + ")");
            }
            List<CfFile> files = new ArrayList<>();
            position = header.coffFiles();
            for (int i = 0; i < header.cFiles(); i++) {
                CfFile.Stored stored = CfFile.read(source, position, i);
                CfFile file = stored.file();
                int iFolder = file.iFolder();
                boolean continued = iFolder >= CfFile.CONTINUED_FROM_PREV;
                if (!continued && iFolder >= header.cFolders()) {
                    throw new CabinetFormatException("cabinet '" + source.name() + "' is damaged: CFFILE " + i + " ('"
                            + file.name() + "') is in folder " + iFolder + " but the cabinet has " + header.cFolders()
                            + " folders");
                }
                if (continued && header.cFolders() == 0) {
                    throw new CabinetFormatException("cabinet '" + source.name() + "' is damaged: CFFILE " + i + " ('"
                            + file.name() + "') is continued across cabinets but the cabinet has no folder");
                }
                if (file.continuesFromPrevious() && !header.hasPrevious()
                        || file.continuesToNext() && !header.hasNext()) {
                    throw new CabinetFormatException("cabinet '" + source.name() + "' is damaged: CFFILE " + i + " ('"
                            + file.name() + "') is continued in a " + (file.continuesToNext() ? "next" : "previous")
                            + " cabinet but the header names none");
                }
                files.add(file);
                position += stored.size();
            }
            return new CabinetPart(source, header, List.copyOf(folders), List.copyOf(files));
        } catch (IOException | RuntimeException e) {
            source.close();
            throw e;
        }
    }

    /** True when some file of this cabinet has its folder begin in the previous cabinet. */
    boolean continuesPrevious() {
        return files.stream().anyMatch(CfFile::continuesFromPrevious);
    }

    /** True when some file of this cabinet goes on in the next cabinet. */
    boolean continuesNext() {
        return files.stream().anyMatch(CfFile::continuesToNext);
    }

    String name() {
        return source.name();
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
