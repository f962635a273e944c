package org.imagesmith.registry;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A key of an open {@link Hive}: navigation (case-insensitive), typed value access and changes. Changes are made to
 * the hive in memory and written by {@link Hive#save}. A key deleted from the hive must not be used afterwards.
 */
public final class RegistryKey {
    private final Hive hive;
    private final int cell;
    private final String path;

    RegistryKey(Hive hive, int cell, String path) {
        this.hive = hive;
        this.cell = cell;
        this.path = path;
    }

    private KeyNode node() {
        return new KeyNode(hive.bins(), cell, "key \"" + path + "\"");
    }

    int cell() {
        return cell;
    }

    /** The key's name (the root key's name as stored in the hive). */
    public String name() {
        return node().name();
    }

    /** The path below the hive root, components separated by backslashes; "" for the root. */
    public String path() {
        return path;
    }

    /** Whether this is the hive's root key. */
    public boolean isRoot() {
        return cell == hive.rootCell();
    }

    /** The class name, when the key has one. */
    public Optional<String> className() {
        KeyNode node = node();
        if (node.classNameLength() == 0 || node.className() == KeyNode.NONE) {
            return Optional.empty();
        }
        byte[] bytes = hive.bins().bytes(node.className() + 4, node.classNameLength());
        return Optional.of(new String(bytes, StandardCharsets.UTF_16LE));
    }

    /** The key's last write time stamp. */
    public Instant lastWritten() {
        long fileTime = node().lastWritten();
        long seconds = Math.floorDiv(fileTime, 10_000_000L) - 11_644_473_600L;
        return Instant.ofEpochSecond(seconds, Math.floorMod(fileTime, 10_000_000L) * 100);
    }

    /** The self-relative security descriptor of the key's security cell (empty array when it has none). */
    public byte[] securityDescriptor() {
        int sk = node().security();
        return sk == KeyNode.NONE ? new byte[0] : new SecurityKey(hive.bins(), sk, "security of " + path).descriptor();
    }

    // ---- Subkeys

    /** The subkeys, sorted the way the hive stores them (by upper-cased name). */
    public List<RegistryKey> subkeys() {
        List<RegistryKey> out = new ArrayList<>();
        for (int child : childCells()) {
            out.add(child(child, childName(child)));
        }
        return out;
    }

    private List<Integer> childCells() {
        KeyNode node = node();
        return SubkeyIndex.read(hive.bins(), node.subkeyList(), node.subkeyCount(), cell);
    }

    private RegistryKey child(int childCell, String name) {
        return new RegistryKey(hive, childCell, path.isEmpty() ? name : path + "\\" + name);
    }

    /** The direct subkey named {@code name} (any case). */
    public Optional<RegistryKey> subkey(String name) {
        List<Integer> children = childCells();
        int index = search(children, name);
        return index < 0 ? Optional.empty() : Optional.of(child(children.get(index), childName(children.get(index))));
    }

    private String childName(int childCell) {
        return new KeyNode(hive.bins(), childCell, "subkey of " + describe()).name();
    }

    /** Binary search of the sorted subkey list: the index of {@code name}, or -(insertion point) - 1. */
    private int search(List<Integer> children, String name) {
        int low = 0;
        int high = children.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int c = KeyNames.compare(childName(children.get(mid)), name);
            if (c < 0) {
                low = mid + 1;
            } else if (c > 0) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        if (hive.hasUnsortedLists()) {
            for (int i = 0; i < children.size(); i++) {
                if (KeyNames.equal(childName(children.get(i)), name)) {
                    return i;
                }
            }
        }
        return -(low + 1);
    }

    /** The key at {@code path} below this one (backslash separated, any case); empty when it does not exist. */
    public Optional<RegistryKey> findKey(String path) {
        RegistryKey key = this;
        for (String part : split(path)) {
            Optional<RegistryKey> next = key.subkey(part);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            key = next.get();
        }
        return Optional.of(key);
    }

    /**
     * The key at {@code path} below this one.
     *
     * @throws RegistryEntryNotFoundException when it does not exist
     */
    public RegistryKey key(String path) {
        return findKey(path).orElseThrow(() -> new RegistryEntryNotFoundException("no key \"" + path + "\" below "
                + describe()));
    }

    private static List<String> split(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("\\\\")) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return parts;
    }

    /** Opens or creates the key at {@code path} below this one, creating missing keys along the way. */
    public RegistryKey createKey(String path) {
        return createKey(path, null);
    }

    /** Like {@link #createKey(String)}; keys created get {@code className} as their class name (null: none). */
    public RegistryKey createKey(String path, String className) {
        List<String> parts = split(path);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("empty key path \"" + path + "\"");
        }
        RegistryKey key = this;
        for (String part : parts) {
            Optional<RegistryKey> next = key.subkey(part);
            key = next.isPresent() ? next.get() : key.addSubkey(KeyNames.checkKeyName(part), className);
        }
        return key;
    }

    private RegistryKey addSubkey(String name, String className) {
        if (depth() >= Hive.MAX_DEPTH) {
            throw new IllegalArgumentException("key \"" + path + "\" is already " + Hive.MAX_DEPTH + " levels deep");
        }
        HiveBins bins = hive.bins();
        long time = hive.now();
        KeyNode parent = node();
        KeyNode node = KeyNode.create(bins, name, cell, parent.security(), 0, time);
        if (parent.security() != KeyNode.NONE) {
            new SecurityKey(bins, parent.security(), "security of " + path).addReference();
        }
        int classBytes = 0;
        if (className != null && !className.isEmpty()) {
            byte[] encoded = className.getBytes(StandardCharsets.UTF_16LE);
            if (encoded.length > 0xffff) {
                throw new IllegalArgumentException("class name of " + className.length() + " characters is too long");
            }
            int classCell = bins.allocate(encoded.length, time);
            bins.putBytes(classCell + 4, encoded);
            node.setClassName(classCell, encoded.length);
            classBytes = encoded.length;
        }
        int index = -search(childCells(), name) - 1;
        List<SubkeyIndex.Entry> entries = entries(parent);
        entries.add(index, new SubkeyIndex.Entry(node.cell(), SubkeyIndex.hint(name, hive.minorVersion())));
        rewriteSubkeys(parent, entries, time);
        parent.raiseMaxima(name.length() * 2, classBytes, 0, 0);
        return child(node.cell(), name);
    }

    private List<SubkeyIndex.Entry> entries(KeyNode node) {
        return SubkeyIndex.entries(hive.bins(), node.subkeyList(), node.subkeyCount(), node.cell(),
                hive.minorVersion());
    }

    private int depth() {
        return split(path).size();
    }

    private void rewriteSubkeys(KeyNode parent, List<SubkeyIndex.Entry> entries, long time) {
        HiveBins bins = hive.bins();
        if (parent.subkeyCount() > 0) {
            SubkeyIndex.free(bins, parent.subkeyList());
        }
        int list = SubkeyIndex.write(bins, entries, hive.minorVersion(), time);
        parent.setSubkeys(entries.size(), list);
        parent.setLastWritten(time);
    }

    /**
     * Deletes the key at {@code path} below this one with all its subkeys and values.
     *
     * @throws RegistryEntryNotFoundException when it does not exist
     */
    public void deleteKey(String path) {
        List<String> parts = split(path);
        RegistryKey target = key(path);
        if (target.isRoot() || parts.isEmpty()) {
            throw new IllegalArgumentException("the root key of a hive cannot be deleted");
        }
        RegistryKey parent = parts.size() == 1 ? this : key(String.join("\\", parts.subList(0, parts.size() - 1)));
        KeyNode parentNode = parent.node();
        List<SubkeyIndex.Entry> entries = parent.entries(parentNode);
        entries.removeIf(e -> e.cell() == target.cell);
        target.freeTree(0);
        parent.rewriteSubkeys(parentNode, entries, hive.now());
    }

    private void freeTree(int depth) {
        HiveBins bins = hive.bins();
        if (depth > Hive.MAX_DEPTH) {
            throw new CorruptCellException(cell, "key tree deeper than " + Hive.MAX_DEPTH + " levels");
        }
        for (RegistryKey child : subkeys()) {
            child.freeTree(depth + 1);
        }
        KeyNode node = node();
        for (int value : valueCells()) {
            new ValueKey(bins, value, "value of " + describe()).free();
        }
        if (node.valueCount() > 0) {
            bins.free(node.valueList());
        }
        if (node.classNameLength() > 0 && node.className() != KeyNode.NONE) {
            bins.free(node.className());
        }
        if (node.security() != KeyNode.NONE) {
            new SecurityKey(bins, node.security(), "security of " + describe()).release();
        }
        if (node.subkeyCount() > 0) {
            SubkeyIndex.free(bins, node.subkeyList());
        }
        bins.free(cell);
    }

    // ---- Values

    int[] valueCells() {
        return node().valueCells();
    }

    /** The values in the order the hive stores them. */
    public List<RegistryValue> values() {
        List<RegistryValue> out = new ArrayList<>();
        for (int value : valueCells()) {
            ValueKey vk = new ValueKey(hive.bins(), value, "value of " + describe());
            out.add(new RegistryValue(vk.name(), vk.type(), vk.data(), location()));
        }
        return out;
    }

    private int indexOfValue(int[] cells, String name) {
        for (int i = 0; i < cells.length; i++) {
            if (KeyNames.equal(new ValueKey(hive.bins(), cells[i], "value of " + describe()).name(), name)) {
                return i;
            }
        }
        return -1;
    }

    /** The value named {@code name} (any case; "" for the default value). */
    public Optional<RegistryValue> value(String name) {
        int[] cells = valueCells();
        int i = indexOfValue(cells, name);
        if (i < 0) {
            return Optional.empty();
        }
        ValueKey vk = new ValueKey(hive.bins(), cells[i], "value of " + describe());
        return Optional.of(new RegistryValue(vk.name(), vk.type(), vk.data(), location()));
    }

    private RegistryValue require(String name) {
        return value(name).orElseThrow(() -> new RegistryEntryNotFoundException("no value \""
                + name + "\" in key " + describe()));
    }

    /** The text of a REG_SZ, REG_EXPAND_SZ or REG_LINK value. */
    public String getString(String name) {
        return require(name).asString();
    }

    /** The number of a REG_DWORD or REG_DWORD_BIG_ENDIAN value. */
    public int getDword(String name) {
        return require(name).asDword();
    }

    /** The number of a REG_QWORD value. */
    public long getQword(String name) {
        return require(name).asQword();
    }

    /** The strings of a REG_MULTI_SZ value. */
    public List<String> getMultiString(String name) {
        return require(name).asMultiString();
    }

    /** The raw data of the value, whatever its type. */
    public byte[] getBinary(String name) {
        return require(name).data();
    }

    /** Sets a REG_SZ value (UTF-16LE with a terminating NUL); "" names the default value. */
    public void setString(String name, String text) {
        setValue(RegistryValue.ofString(name, ValueType.REG_SZ, text));
    }

    /** Sets a REG_EXPAND_SZ value. */
    public void setExpandString(String name, String text) {
        setValue(RegistryValue.ofString(name, ValueType.REG_EXPAND_SZ, text));
    }

    /** Sets a REG_DWORD value (little-endian). */
    public void setDword(String name, int value) {
        setValue(RegistryValue.ofDword(name, value));
    }

    /** Sets a REG_DWORD_BIG_ENDIAN value. */
    public void setDwordBigEndian(String name, int value) {
        setValue(RegistryValue.ofDwordBigEndian(name, value));
    }

    /** Sets a REG_QWORD value (little-endian). */
    public void setQword(String name, long value) {
        setValue(RegistryValue.ofQword(name, value));
    }

    /** Sets a REG_MULTI_SZ value: each string NUL-terminated, then an empty string. */
    public void setMultiString(String name, List<String> strings) {
        setValue(RegistryValue.ofMultiString(name, strings));
    }

    /** Sets a REG_BINARY value. */
    public void setBinary(String name, byte[] data) {
        setValue(RegistryValue.of(name, ValueType.REG_BINARY, data));
    }

    /** Sets a REG_LINK value: the target path in UTF-16LE without a terminating NUL. */
    public void setLink(String name, String target) {
        setValue(RegistryValue.of(name, ValueType.REG_LINK, target.getBytes(StandardCharsets.UTF_16LE)));
    }

    /** Adds the value, or replaces the type and data of the existing value of that name (any case). */
    public void setValue(RegistryValue value) {
        HiveBins bins = hive.bins();
        long time = hive.now();
        KeyNode node = node();
        int[] cells = valueCells();
        int i = indexOfValue(cells, value.name());
        byte[] data = value.data();
        if (i >= 0) {
            new ValueKey(bins, cells[i], "value of " + describe()).setData(value.type(), data,
                    hive.bigDataCells(), time);
        } else {
            ValueKey vk = ValueKey.create(bins, value.name(), value.type(), data, hive.bigDataCells(), time);
            int list = bins.allocate(4 * (cells.length + 1), time);
            for (int j = 0; j < cells.length; j++) {
                bins.putI32(list + 4 + 4 * j, cells[j]);
            }
            bins.putI32(list + 4 + 4 * cells.length, vk.cell());
            if (cells.length > 0) {
                bins.free(node.valueList());
            }
            node.setValues(cells.length + 1, list);
        }
        node.raiseMaxima(0, 0, value.name().length() * 2, data.length);
        node.setLastWritten(time);
    }

    /** Deletes the value named {@code name} (any case); returns false when there was none. */
    public boolean deleteValue(String name) {
        HiveBins bins = hive.bins();
        KeyNode node = node();
        int[] cells = valueCells();
        int i = indexOfValue(cells, name);
        if (i < 0) {
            return false;
        }
        new ValueKey(bins, cells[i], "value of " + describe()).free();
        int list = node.valueList();
        if (cells.length == 1) {
            bins.free(list);
            node.setValues(0, KeyNode.NONE);
        } else {
            for (int j = i; j < cells.length - 1; j++) {
                bins.putI32(list + 4 + 4 * j, cells[j + 1]);
            }
            bins.putI32(list + 4 + 4 * (cells.length - 1), 0);
            node.setValues(cells.length - 1, list);
        }
        node.setLastWritten(hive.now());
        return true;
    }

    /**
     * Gives the key {@code descriptor} (self-relative SECURITY_DESCRIPTOR), sharing the hive's security cell holding
     * the same bytes when there is one.
     */
    public void setSecurityDescriptor(byte[] descriptor) {
        if (descriptor.length < 20 || descriptor[0] != 1) {
            throw new IllegalArgumentException("not a self-relative security descriptor of revision 1 ("
                    + descriptor.length + " bytes)");
        }
        HiveBins bins = hive.bins();
        KeyNode node = node();
        int old = node.security();
        int shared = old == KeyNode.NONE ? KeyNode.NONE
                : new SecurityKey(bins, old, "security of " + describe()).find(descriptor);
        if (shared == old && old != KeyNode.NONE) {
            return;
        }
        int replacement;
        if (shared != KeyNode.NONE) {
            new SecurityKey(bins, shared, "security cell").addReference();
            replacement = shared;
        } else {
            replacement = SecurityKey.create(bins, descriptor, old, hive.now()).cell();
        }
        node.setSecurity(replacement);
        if (old != KeyNode.NONE) {
            new SecurityKey(bins, old, "security of " + describe()).release();
        }
    }

    /** Where this key is, for messages: its path and the hive file it was read from. */
    String location() {
        return "key " + describe() + (hive.origin().isEmpty() ? "" : " of the hive " + hive.origin());
    }

    private String describe() {
        return path.isEmpty() ? "(root)" : "\"" + path + "\"";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegistryKey k && k.hive == hive && k.cell == cell;
    }

    @Override
    public int hashCode() {
        return cell;
    }

    @Override
    public String toString() {
        return "RegistryKey[" + (path.isEmpty() ? "\\" : path) + "]";
    }
}
