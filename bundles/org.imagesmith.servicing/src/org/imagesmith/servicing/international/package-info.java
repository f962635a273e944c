/**
 * DISM's international servicing commands (/Get-Intl, /Set-UILang, /Set-SysLocale, /Set-UserLocale, /Set-InputLocale,
 * /Set-TimeZone, /Set-AllIntl, /Gen-LangIni and their relatives) as the "DISM Languages and International Servicing
 * Command-Line Options" reference describes them: locales and their LCIDs, input locales and keyboard layouts, time
 * zones under SOFTWARE\Microsoft\Windows NT\CurrentVersion\Time Zones, the default user's hive and Lang.ini.
 */
package org.imagesmith.servicing.international;
