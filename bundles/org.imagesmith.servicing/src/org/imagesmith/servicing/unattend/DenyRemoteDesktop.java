package org.imagesmith.servicing.unattend;

import org.imagesmith.registry.ControlSets;
import org.imagesmith.servicing.ServicingSession;

/**
 * Microsoft-Windows-TerminalServices-LocalSessionManager | fDenyTSConnections: whether Remote Desktop connections
 * are refused, the fDenyTSConnections value (REG_DWORD 1 refuse, 0 allow) under the current control set's
 * Control\Terminal Server in the SYSTEM hive.
 */
final class DenyRemoteDesktop extends BooleanRegistrySetting {
    DenyRemoteDesktop() {
        super("Microsoft-Windows-TerminalServices-LocalSessionManager", "fDenyTSConnections", ServicingSession.SYSTEM_HIVE);
    }

    @Override
    String key(PlanContext context) {
        return ControlSets.current(context.system()) + "\\Control\\Terminal Server";
    }
}
