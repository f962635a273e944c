package org.imagesmith.servicing.unattend;

import org.imagesmith.servicing.ServicingSession;

/**
 * Microsoft-Windows-LUA-Settings | EnableLUA: User Account Control, the EnableLUA policy value under
 * HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Policies\System (REG_DWORD 1 on, 0 off).
 */
final class EnableLua extends BooleanRegistrySetting {
    static final String KEY = "Microsoft\\Windows\\CurrentVersion\\Policies\\System";

    EnableLua() {
        super("Microsoft-Windows-LUA-Settings", "EnableLUA", ServicingSession.SOFTWARE_HIVE);
    }

    @Override
    String key(PlanContext context) {
        return KEY;
    }
}
