/**
 * DISM's /Apply-Unattend on an offline image: the offlineServicing pass of an answer file (and its
 * {@code <servicing>} section), applied as Windows 7's "Unattended Windows Setup Reference" documents each
 * setting (package installs in order, driver paths, ComputerName, EnableLUA, OfflineUserAccounts and the other
 * settings with an {@link org.imagesmith.servicing.unattend.OfflineSettingHandler}).
 */
package org.imagesmith.servicing.unattend;
