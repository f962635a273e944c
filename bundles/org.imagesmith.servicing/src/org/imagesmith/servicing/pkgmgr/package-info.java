/**
 * Package Manager (pkgmgr.exe) of Windows Vista and 7: its command line (/ip, /iu, /uu, /n:, /m:, /o:, /s:, /l:)
 * as its documentation describes it, translated to the same servicing as DISM's commands.
 */
package org.imagesmith.servicing.pkgmgr;
