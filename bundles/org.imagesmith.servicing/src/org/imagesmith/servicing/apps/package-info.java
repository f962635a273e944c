/**
 * DISM's application servicing commands (/Check-AppPatch, /Get-AppPatches, /Get-Apps and their info commands) over
 * the Windows Installer data of an image: .msi and .msp files, compound files ("[MS-CFB]: Compound File Binary File Format",
 * read through Apache POI by {@link org.imagesmith.servicing.apps.CompoundFileReader}), their summary information property
 * set ("[MS-OLEPS]", {@link org.imagesmith.servicing.apps.InstallerSummaryInformation}), patch applicability as the
 * Windows Installer documentation describes it, and the Installer's registry under
 * SOFTWARE\Microsoft\Windows\CurrentVersion\Installer\UserData ({@link org.imagesmith.servicing.apps.InstallerRegistry}).
 */
package org.imagesmith.servicing.apps;
