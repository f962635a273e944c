package org.imagesmith.registry;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** The two formats of registry editor (.reg) files. */
public enum RegFileFormat {
    /**
     * "REGEDIT4": Windows 9x/NT4 form, ANSI (Windows-1252) text; hex(1)/hex(2)/hex(7) data as ANSI bytes. Characters
     * outside Windows-1252 become "?".
     */
    REGEDIT4("REGEDIT4", Charset.forName("windows-1252")),
    /** "Windows Registry Editor Version 5.00": UTF-16LE text with a byte order mark; string data as UTF-16LE. */
    VERSION_5("Windows Registry Editor Version 5.00", StandardCharsets.UTF_16LE);

    private final String header;
    private final Charset charset;

    RegFileFormat(String header, Charset charset) {
        this.header = header;
        this.charset = charset;
    }

    /** The first line of a file of this format. */
    public String header() {
        return header;
    }

    /** The character set of files (and of hex string data in REGEDIT4 files). */
    public Charset charset() {
        return charset;
    }
}
