package org.imagesmith.servicing.unattend;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The offlineServicing settings Imagesmith applies, one handler each (the driver paths of
 * Microsoft-Windows-PnpCustomizationsNonWinPE are added as drivers, outside these handlers). The catalog marks the
 * same settings appliedOffline, which a test checks.
 */
final class OfflineSettingHandlers {
    private static final List<OfflineSettingHandler> ALL = List.of(new ComputerName(), new EnableLua(),
            new DenyRemoteDesktop());
    private static final Map<String, OfflineSettingHandler> BY_NAME = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(h -> key(h.component(), h.setting()), Function.identity()));

    private OfflineSettingHandlers() {
    }

    /** Every handler. */
    static List<OfflineSettingHandler> all() {
        return ALL;
    }

    /** The handler of component | setting (component names ignore case, setting names do not). */
    static Optional<OfflineSettingHandler> of(String component, String setting) {
        return Optional.ofNullable(BY_NAME.get(key(component, setting)));
    }

    private static String key(String component, String setting) {
        return (component == null ? "" : component.toLowerCase(Locale.ROOT)) + "|" + setting;
    }
}
