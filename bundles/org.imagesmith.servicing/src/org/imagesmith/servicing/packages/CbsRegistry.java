package org.imagesmith.servicing.packages;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.imagesmith.registry.Hive;
import org.imagesmith.registry.RegistryKey;
import org.imagesmith.registry.RegistryValue;

/**
 * The Component-Based Servicing keys of a SOFTWARE hive
 * (Microsoft\Windows\CurrentVersion\Component Based Servicing\Packages\&lt;identity&gt;): one key per package with
 * CurrentState, InstallClient, InstallLocation, InstallName, InstallTimeHigh/Low, InstallUser and Visibility, and
 * an Updates subkey holding one DWORD state per update (feature).
 */
public final class CbsRegistry {
    public static final String PACKAGES = "Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\Packages";
    static final String INSTALL_CLIENT = "DISM Package Manager Provider";
    static final String LOCAL_SYSTEM = "S-1-5-18";
    private static final Instant FILETIME_EPOCH = Instant.parse("1601-01-01T00:00:00Z");

    private final Hive software;

    public CbsRegistry(Hive software) {
        this.software = software;
    }

    /** Every package key, ordered by identity as DISM lists them. */
    public List<InstalledPackage> packages() {
        List<InstalledPackage> result = new ArrayList<>();
        software.findKey(PACKAGES).ifPresent(packages -> {
            for (RegistryKey key : packages.subkeys()) {
                try {
                    result.add(read(PackageIdentity.parse(key.name()), key));
                } catch (IllegalArgumentException e) {
                    // a key that is not a package identity (CBS keeps none, but a damaged hive may): not a package
                }
            }
        });
        result.sort(Comparator.comparing(p -> p.identity().toString().toLowerCase(java.util.Locale.ROOT)));
        return result;
    }

    public Optional<InstalledPackage> find(PackageIdentity identity) {
        return software.findKey(PACKAGES + "\\" + identity).map(key -> read(identity, key));
    }

    private static InstalledPackage read(PackageIdentity identity, RegistryKey key) {
        PackageState state = PackageState.ofCode(dword(key, "CurrentState").orElse(0));
        Optional<Instant> time = Optional.empty();
        Optional<Integer> high = dword(key, "InstallTimeHigh");
        Optional<Integer> low = dword(key, "InstallTimeLow");
        if (high.isPresent() && low.isPresent()) {
            long ticks = ((long) high.get() << 32) | (low.get() & 0xFFFF_FFFFL);
            time = Optional.of(FILETIME_EPOCH.plus(Duration.ofSeconds(ticks / 10_000_000L, (ticks % 10_000_000L) * 100)));
        }
        Map<String, PackageState> updates = new LinkedHashMap<>();
        key.subkey("Updates").ifPresent(u -> {
            for (RegistryValue value : u.values()) {
                updates.put(value.name(), PackageState.ofCode(value.asDword()));
            }
        });
        return new InstalledPackage(identity, state, time, string(key, "InstallClient"), string(key, "InstallLocation"),
                string(key, "InstallName"), dword(key, "Visibility").orElse(1), updates);
    }

    /** Writes (or overwrites) the key of a package. */
    public void register(PackageIdentity identity, PackageState state, String installLocation, Instant installTime,
            Map<String, PackageState> updateStates) {
        software.root().findKey(PACKAGES + "\\" + identity).ifPresent(k -> software.root().deleteKey(PACKAGES + "\\" + identity));
        RegistryKey key = software.root().createKey(PACKAGES + "\\" + identity);
        key.setDword("CurrentState", state.code());
        key.setString("InstallClient", INSTALL_CLIENT);
        key.setString("InstallLocation", installLocation);
        key.setString("InstallName", identity + ".mum");
        Duration sinceEpoch = Duration.between(FILETIME_EPOCH, installTime);
        long ticks = sinceEpoch.getSeconds() * 10_000_000L + sinceEpoch.getNano() / 100;
        key.setDword("InstallTimeHigh", (int) (ticks >>> 32));
        key.setDword("InstallTimeLow", (int) ticks);
        key.setString("InstallUser", LOCAL_SYSTEM);
        key.setDword("SelfUpdate", 0);
        key.setDword("Visibility", 1);
        RegistryKey updates = key.createKey("Updates");
        updateStates.forEach((name, updateState) -> updates.setDword(name, updateState.code()));
    }

    /** Deletes the key of a package; quietly does nothing when it is absent and {@code ifPresent} is true. */
    public void unregister(PackageIdentity identity, boolean ifPresent) {
        String path = PACKAGES + "\\" + identity;
        if (!ifPresent || software.findKey(path).isPresent()) {
            software.root().deleteKey(path);
        }
    }

    /** Sets the state of one update (feature) of an installed package. */
    public void setUpdateState(PackageIdentity identity, String update, PackageState state) {
        software.root().createKey(PACKAGES + "\\" + identity + "\\Updates").setDword(update, state.code());
    }

    private static Optional<Integer> dword(RegistryKey key, String name) {
        return key.value(name).map(RegistryValue::asDword);
    }

    private static String string(RegistryKey key, String name) {
        return key.value(name).map(RegistryValue::asString).orElse("");
    }
}
