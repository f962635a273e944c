package org.imagesmith.registry;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A registry value: its name ("" for the default value), type code and raw data, with decoders for the typed forms.
 * The data is copied in and out. A value read from a hive knows where it was read (the key and the hive file), so
 * that a typed read of a value of another type names it there.
 */
public final class RegistryValue {
    private final String name;
    private final int type;
    private final byte[] data;
    /** Where the value was read, such as key "Select" of the hive /img/Windows/System32/config/SYSTEM; "" if made. */
    private final String source;

    public RegistryValue(String name, int type, byte[] data) {
        this(name, type, data, "");
    }

    /** A value read from a hive; {@code source} names the key and the hive. */
    RegistryValue(String name, int type, byte[] data, String source) {
        KeyNames.checkValueName(name);
        this.name = name;
        this.type = type;
        this.data = data.clone();
        this.source = source;
    }

    /** The value's name, "" for the key's default value. */
    public String name() {
        return name;
    }

    /** The type code (a {@link ValueType}'s code, or any other number a hive holds). */
    public int type() {
        return type;
    }

    /** A copy of the raw data. */
    public byte[] data() {
        return data.clone();
    }

    /** The named type, empty for unknown type codes. */
    public Optional<ValueType> valueType() {
        return ValueType.of(type);
    }

    /** A value of a named type with raw data. */
    public static RegistryValue of(String name, ValueType type, byte[] data) {
        return new RegistryValue(name, type.code(), data);
    }

    /** A string-typed value (REG_SZ, REG_EXPAND_SZ): UTF-16LE text with a terminating NUL. */
    public static RegistryValue ofString(String name, ValueType type, String text) {
        return new RegistryValue(name, type.code(), encodeString(text));
    }

    /** A REG_DWORD value. */
    public static RegistryValue ofDword(String name, int value) {
        return new RegistryValue(name, ValueType.REG_DWORD.code(),
                ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array());
    }

    /** A REG_DWORD_BIG_ENDIAN value. */
    public static RegistryValue ofDwordBigEndian(String name, int value) {
        return new RegistryValue(name, ValueType.REG_DWORD_BIG_ENDIAN.code(),
                ByteBuffer.allocate(4).order(ByteOrder.BIG_ENDIAN).putInt(value).array());
    }

    /** A REG_QWORD value. */
    public static RegistryValue ofQword(String name, long value) {
        return new RegistryValue(name, ValueType.REG_QWORD.code(),
                ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array());
    }

    /** A REG_MULTI_SZ value of non-empty strings. */
    public static RegistryValue ofMultiString(String name, List<String> strings) {
        StringBuilder sb = new StringBuilder();
        for (String s : strings) {
            if (s.indexOf('\0') >= 0 || s.isEmpty()) {
                throw new IllegalArgumentException("REG_MULTI_SZ strings must be non-empty and contain no NUL");
            }
            sb.append(s).append('\0');
        }
        sb.append('\0');
        return new RegistryValue(name, ValueType.REG_MULTI_SZ.code(), sb.toString().getBytes(StandardCharsets.UTF_16LE));
    }

    /** UTF-16LE with a terminating NUL, as REG_SZ and REG_EXPAND_SZ store text. */
    static byte[] encodeString(String text) {
        return (text + '\0').getBytes(StandardCharsets.UTF_16LE);
    }

    /** The text of a REG_SZ, REG_EXPAND_SZ or REG_LINK value, up to its first NUL. */
    public String asString() {
        if (type != ValueType.REG_SZ.code() && type != ValueType.REG_EXPAND_SZ.code()
                && type != ValueType.REG_LINK.code()) {
            throw mismatch("a string");
        }
        String text = new String(data, 0, data.length & ~1, StandardCharsets.UTF_16LE);
        int nul = text.indexOf('\0');
        return nul < 0 ? text : text.substring(0, nul);
    }

    /** The number of a 4-byte REG_DWORD (little-endian) or REG_DWORD_BIG_ENDIAN value. */
    public int asDword() {
        boolean little = type == ValueType.REG_DWORD.code();
        if (!little && type != ValueType.REG_DWORD_BIG_ENDIAN.code() || data.length != 4) {
            throw mismatch("a DWORD");
        }
        return ByteBuffer.wrap(data).order(little ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN).getInt();
    }

    /** The number of an 8-byte REG_QWORD value. */
    public long asQword() {
        if (type != ValueType.REG_QWORD.code() || data.length != 8) {
            throw mismatch("a QWORD");
        }
        return ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    /** The strings of a REG_MULTI_SZ value, up to the empty string that ends the list. */
    public List<String> asMultiString() {
        if (type != ValueType.REG_MULTI_SZ.code()) {
            throw mismatch("a multi-string");
        }
        String text = new String(data, 0, data.length & ~1, StandardCharsets.UTF_16LE);
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nul = text.indexOf('\0', start);
            String s = nul < 0 ? text.substring(start) : text.substring(start, nul);
            if (s.isEmpty()) {
                break;
            }
            out.add(s);
            start = nul < 0 ? text.length() : nul + 1;
        }
        return out;
    }

    private ValueTypeMismatchException mismatch(String wanted) {
        return new ValueTypeMismatchException("value \"" + name + "\"" + (source.isEmpty() ? "" : " of " + source)
                + " is not " + wanted + ": its type is "
                + valueType().map(Enum::name).orElse("0x" + Integer.toHexString(type)) + " with " + data.length
                + " bytes of data");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegistryValue v && v.name.equals(name) && v.type == type && Arrays.equals(v.data, data);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + type * 17 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "RegistryValue[" + (name.isEmpty() ? "@" : name) + ", "
                + valueType().map(Enum::name).orElse("0x" + Integer.toHexString(type)) + ", "
                + HexFormat.of().formatHex(data, 0, Math.min(data.length, 64)) + (data.length > 64 ? "..." : "") + "]";
    }
}
