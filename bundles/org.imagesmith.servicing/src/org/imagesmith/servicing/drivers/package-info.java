/**
 * DISM's driver servicing commands (/Add-Driver, /Remove-Driver, /Get-Drivers, /Get-DriverInfo) as Windows 7 keeps
 * drivers: the driver store (System32\DriverStore\FileRepository, Windows\inf\oemN.inf), the INF's services and
 * device classes in the SYSTEM hive, and the signature catalog (PKCS #7 signed CTL, with the Authenticode PE image
 * hash of the "Windows Authenticode Portable Executable Signature Format" document).
 */
package org.imagesmith.servicing.drivers;
