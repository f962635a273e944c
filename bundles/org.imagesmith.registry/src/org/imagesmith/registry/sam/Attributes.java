package org.imagesmith.registry.sam;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The variable-length attributes of a SAM record (a user's V, an alias's C): a table of (offset, length, qualifier)
 * entries followed by the data they point to, offsets counted from the end of the table, each item 4-byte aligned.
 *
 * @param prefix the fixed bytes before the table (an alias's RID and header; none for a user's V)
 * @param items the data of each attribute
 * @param qualifiers the third field of each entry
 */
record Attributes(byte[] prefix, List<byte[]> items, int[] qualifiers) {

    Attributes {
        prefix = prefix.clone();
        items = items.stream().map(byte[]::clone).toList();
        qualifiers = qualifiers.clone();
    }

    /** Reads count entries after prefixLength bytes; throws SamFormatException when an entry points outside. */
    static Attributes read(byte[] data, int prefixLength, int count, String what) throws SamFormatException {
        int tableEnd = prefixLength + 12 * count;
        if (data.length < tableEnd) {
            throw new SamFormatException("The " + what + " is " + data.length + " bytes, shorter than its table of "
                    + count + " attributes.");
        }
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        List<byte[]> items = new ArrayList<>();
        int[] qualifiers = new int[count];
        for (int i = 0; i < count; i++) {
            int offset = b.getInt(prefixLength + 12 * i);
            int length = b.getInt(prefixLength + 12 * i + 4);
            qualifiers[i] = b.getInt(prefixLength + 12 * i + 8);
            if (offset < 0 || length < 0 || (long) tableEnd + offset + length > data.length) {
                throw new SamFormatException("Attribute " + i + " of the " + what + " points outside it.");
            }
            items.add(Arrays.copyOfRange(data, tableEnd + offset, tableEnd + offset + length));
        }
        return new Attributes(Arrays.copyOf(data, prefixLength), items, qualifiers);
    }

    byte[] item(int index) {
        return items.get(index).clone();
    }

    String text(int index) {
        return new String(items.get(index), StandardCharsets.UTF_16LE);
    }

    Attributes with(int index, byte[] data) {
        List<byte[]> changed = new ArrayList<>(items);
        changed.set(index, data);
        return new Attributes(prefix, changed, qualifiers);
    }

    byte[] toBytes() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        ByteBuffer table = ByteBuffer.allocate(12 * items.size()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < items.size(); i++) {
            byte[] item = items.get(i);
            table.putInt(body.size()).putInt(item.length).putInt(qualifiers[i]);
            body.writeBytes(item);
            body.writeBytes(new byte[(4 - item.length % 4) % 4]);
        }
        return ByteBuffer.allocate(prefix.length + table.capacity() + body.size()).put(prefix).put(table.array())
                .put(body.toByteArray()).array();
    }

    static byte[] utf16(String text) {
        return text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_16LE);
    }
}
