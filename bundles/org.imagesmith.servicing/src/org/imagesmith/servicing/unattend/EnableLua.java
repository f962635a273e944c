package org.imagesmith.servicing.unattend;

import java.util.Optional;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.servicing.ServicingSession;
import org.imagesmith.unattend.model.Setting;

/**
 * Microsoft-Windows-LUA-Settings | EnableLUA: User Account Control, the EnableLUA policy value under
 * HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Policies\System (REG_DWORD 1 on, 0 off).
 */
final class EnableLua implements OfflineSettingHandler {
    static final String KEY = "Microsoft\\Windows\\CurrentVersion\\Policies\\System";

    @Override
    public String component() {
        return "Microsoft-Windows-LUA-Settings";
    }

    @Override
    public String setting() {
        return "EnableLUA";
    }

    @Override
    public Optional<RegistryChange> plan(Setting setting, PlanContext context) throws ServicingException {
        int value = context.booleanValue(component() + " | " + setting(), setting) ? 1 : 0;
        return Optional.of(new RegistryChange(component() + " | " + setting(), ServicingSession.SOFTWARE_HIVE,
                "HKLM\\SOFTWARE\\" + KEY + ": EnableLUA = " + value + " (REG_DWORD)",
                software -> software.root().createKey(KEY).setDword("EnableLUA", value)));
    }
}
