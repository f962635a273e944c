package org.imagesmith.servicing.drivers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.imagesmith.registry.Hive;
import org.imagesmith.registry.RegistryKey;
import org.imagesmith.registry.RegistryValue;

/**
 * Changes to an in-memory hive that can be undone: every key created, value set and key deleted is recorded, and
 * {@link #rollBack()} restores the keys and values as they were (the hive on disk is untouched until it is saved).
 */
final class RegistryJournal {
    private final Hive hive;
    private final List<Runnable> undo = new ArrayList<>();

    RegistryJournal(Hive hive) {
        this.hive = hive;
    }

    Hive hive() {
        return hive;
    }

    /** Opens or creates a key; the keys it creates are deleted by a roll-back. */
    RegistryKey createKey(String path) {
        String[] parts = path.split("\\\\");
        StringBuilder existing = new StringBuilder();
        for (String part : parts) {
            String next = existing.length() == 0 ? part : existing + "\\" + part;
            if (hive.findKey(next).isEmpty()) {
                String created = next;
                undo.add(() -> hive.findKey(created).ifPresent(k -> hive.root().deleteKey(created)));
                break;
            }
            existing.setLength(0);
            existing.append(next);
        }
        return hive.root().createKey(path);
    }

    void set(String keyPath, RegistryValue value) {
        RegistryKey key = createKey(keyPath);
        Optional<RegistryValue> old = key.value(value.name());
        undo.add(() -> hive.findKey(keyPath).ifPresent(k -> {
            if (old.isPresent()) {
                k.setValue(old.get());
            } else {
                k.deleteValue(value.name());
            }
        }));
        key.setValue(value);
    }

    /** Deletes a key with everything below it; a roll-back recreates its keys and values. */
    void deleteKey(String path) {
        Optional<RegistryKey> key = hive.findKey(path);
        if (key.isEmpty()) {
            return;
        }
        Snapshot snapshot = Snapshot.of(key.get());
        undo.add(() -> snapshot.restore(hive.root(), path));
        hive.root().deleteKey(path);
    }

    /** Undoes every change, newest first. */
    void rollBack() {
        for (int i = undo.size() - 1; i >= 0; i--) {
            undo.get(i).run();
        }
        undo.clear();
    }

    /** Forgets the changes (they are saved). */
    void commit() {
        undo.clear();
    }

    private record Snapshot(List<RegistryValue> values, List<String> names, List<Snapshot> children) {
        static Snapshot of(RegistryKey key) {
            List<String> names = new ArrayList<>();
            List<Snapshot> children = new ArrayList<>();
            for (RegistryKey child : key.subkeys()) {
                names.add(child.name());
                children.add(of(child));
            }
            return new Snapshot(key.values(), names, children);
        }

        void restore(RegistryKey root, String path) {
            RegistryKey key = root.createKey(path);
            values.forEach(key::setValue);
            for (int i = 0; i < names.size(); i++) {
                children.get(i).restore(root, path + "\\" + names.get(i));
            }
        }
    }
}
