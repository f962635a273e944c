package org.imagesmith.cab;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;

/**
 * A CFFILE: a file's size, its place in its folder, its folder index (or one of the CONTINUED values), its DOS date
 * and time, its attributes and its name (with backslashes as stored).
 *
 * @param position the offset of the CFFILE in its cabinet
 */
public record CfFile(long cbFile, long uoffFolderStart, int iFolder, int date, int time, int attribs, String name,
        long position) {

    static final int FIXED_SIZE = 16;
    /** The longest file name, NUL excluded (CB_MAX_FILENAME). */
    static final int MAX_NAME = 255;

    /** ifoldCONTINUED_FROM_PREV: the file's folder begins in the previous cabinet (it is this cabinet's first). */
    public static final int CONTINUED_FROM_PREV = 0xFFFD;
    /** ifoldCONTINUED_TO_NEXT: the file goes on in the next cabinet (its folder is this cabinet's last). */
    public static final int CONTINUED_TO_NEXT = 0xFFFE;
    /** ifoldCONTINUED_PREV_AND_NEXT: both of the above (the folder is this cabinet's first and last). */
    public static final int CONTINUED_PREV_AND_NEXT = 0xFFFF;

    public static final int A_RDONLY = 0x01;
    public static final int A_HIDDEN = 0x02;
    public static final int A_SYSTEM = 0x04;
    public static final int A_ARCH = 0x20;
    public static final int A_EXEC = 0x40;
    /** _A_NAME_IS_UTF: the name is UTF-8 rather than the ANSI code page. */
    public static final int A_NAME_IS_UTF = 0x80;

    /** The name with backslashes turned into forward slashes. */
    public String portableName() {
        return name.replace('\\', '/');
    }

    public boolean continuesFromPrevious() {
        return iFolder == CONTINUED_FROM_PREV || iFolder == CONTINUED_PREV_AND_NEXT;
    }

    public boolean continuesToNext() {
        return iFolder == CONTINUED_TO_NEXT || iFolder == CONTINUED_PREV_AND_NEXT;
    }

    /** The date and time (local time, as stored); an invalid DOS date becomes 1980-01-01 00:00. */
    public LocalDateTime lastModified() {
        return DosDateTime.toLocalDateTime(date, time);
    }

    /** A CFFILE as read, with the number of bytes it takes in the cabinet. */
    record Stored(CfFile file, int size) {
    }

    static Stored read(CabinetSource source, long position, int index) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(source.read(position, FIXED_SIZE, "CFFILE " + index))
                .order(ByteOrder.LITTLE_ENDIAN);
        long cbFile = Integer.toUnsignedLong(buffer.getInt(0));
        long uoffFolderStart = Integer.toUnsignedLong(buffer.getInt(4));
        int iFolder = buffer.getShort(8) & 0xFFFF;
        int date = buffer.getShort(10) & 0xFFFF;
        int time = buffer.getShort(12) & 0xFFFF;
        int attribs = buffer.getShort(14) & 0xFFFF;
        byte[] rawName = source.readZeroTerminated(position + FIXED_SIZE, MAX_NAME, "the name of CFFILE " + index);
        if (rawName.length == 0) {
            throw new CabinetFormatException("cabinet '" + source.name() + "' is damaged: CFFILE " + index
                    + " at offset 0x" + Long.toHexString(position) + " has an empty name");
        }
        String name;
        if ((attribs & A_NAME_IS_UTF) != 0) {
            try {
                name = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(rawName)).toString();
            } catch (CharacterCodingException e) {
                throw new CabinetFormatException("cabinet '" + source.name() + "' is damaged: CFFILE " + index
                        + " at offset 0x" + Long.toHexString(position) + " is marked UTF-8 but its name is not", e);
            }
        } else {
            name = new String(rawName, AnsiCodePage.CHARSET);
        }
        return new Stored(new CfFile(cbFile, uoffFolderStart, iFolder, date, time, attribs, name, position),
                FIXED_SIZE + rawName.length + 1);
    }

    /** The name bytes to store: ASCII names as they are, others as UTF-8 (then A_NAME_IS_UTF must be set). */
    static byte[] encodedName(String name) {
        return name.getBytes(StandardCharsets.UTF_8);
    }

    static boolean needsUtf8(String name) {
        return name.chars().anyMatch(c -> c >= 0x80);
    }
}
