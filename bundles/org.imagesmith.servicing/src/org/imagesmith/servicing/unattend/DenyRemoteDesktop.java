package org.imagesmith.servicing.unattend;

import java.util.Optional;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.servicing.ServicingSession;
import org.imagesmith.unattend.model.Setting;

/**
 * Microsoft-Windows-TerminalServices-LocalSessionManager | fDenyTSConnections: whether Remote Desktop connections
 * are refused, the fDenyTSConnections value (REG_DWORD 1 refuse, 0 allow) under the current control set's
 * Control\Terminal Server in the SYSTEM hive.
 */
final class DenyRemoteDesktop implements OfflineSettingHandler {
    @Override
    public String component() {
        return "Microsoft-Windows-TerminalServices-LocalSessionManager";
    }

    @Override
    public String setting() {
        return "fDenyTSConnections";
    }

    @Override
    public Optional<RegistryChange> plan(Setting setting, PlanContext context) throws ServicingException {
        int value = context.booleanValue(component() + " | " + setting(), setting) ? 1 : 0;
        String key = ComputerName.controlSet(context.system()) + "\\Control\\Terminal Server";
        return Optional.of(new RegistryChange(component() + " | " + setting(), ServicingSession.SYSTEM_HIVE,
                "HKLM\\SYSTEM\\" + key + ": fDenyTSConnections = " + value + " (REG_DWORD)",
                system -> system.root().createKey(key).setDword("fDenyTSConnections", value)));
    }
}
