package org.imagesmith.cab;

import java.util.ArrayList;
import java.util.List;

/**
 * One folder of a cabinet set as a whole: the CFFOLDER pieces, in order, of the cabinets it spans, and the names of
 * cabinets it continues into that were not found.
 */
final class FolderChain {
    /** One cabinet's piece of the folder. */
    record Segment(CabinetPart part, int folderIndex, CfFolder folder) {
        String describe() {
            return "folder " + folderIndex + " of cabinet '" + part.name() + "'";
        }
    }

    final int index;
    final int typeCompress;
    final List<Segment> segments = new ArrayList<>();
    /** The cabinet this folder begins in, when that cabinet was not found; otherwise {@code null}. */
    String missingPrevious;
    /** The cabinet this folder goes on in, when that cabinet was not found; otherwise {@code null}. */
    String missingNext;

    FolderChain(int index, Segment first) {
        this.index = index;
        this.typeCompress = first.folder().typeCompress();
        segments.add(first);
    }

    /** The most bytes the folder can hold: {@link BlockDecoder#MAX_BLOCK} for each of its blocks. */
    long maxUncompressedSize() {
        long blocks = 0;
        for (Segment segment : segments) {
            blocks += segment.folder().cCFData();
        }
        return blocks * BlockDecoder.MAX_BLOCK;
    }

    /** Fails when the folder begins in a cabinet that was not found. */
    void checkStart() throws CabinetFormatException {
        if (missingPrevious != null) {
            throw new CabinetFormatException(describe() + " begins in cabinet '" + missingPrevious
                    + "', which was not found next to it");
        }
    }

    String describe() {
        return segments.get(0).describe();
    }
}
