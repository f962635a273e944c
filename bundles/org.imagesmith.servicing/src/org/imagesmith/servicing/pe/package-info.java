/**
 * DISM's Windows PE servicing commands (/Get-PESettings, /Set-ScratchSpace, /Set-TargetPath) on a Windows PE 3.0
 * image, as the "DISM Windows PE Servicing Command-Line Options" reference describes them.
 */
package org.imagesmith.servicing.pe;
