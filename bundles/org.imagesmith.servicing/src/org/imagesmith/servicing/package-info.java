/**
 * Offline servicing of a Windows image as DISM 6.1 (Windows 7) does it, following the "DISM Technical Reference":
 * the target ({@link org.imagesmith.servicing.ServicingTarget}: an applied image folder, an image of a WIM file or a
 * mount), opened, locked, serviced and committed by one {@link org.imagesmith.servicing.ServicingRun}; the generic
 * options (/LogPath, /LogLevel, /ScratchDir, /WinDir); DISM's error codes ({@link org.imagesmith.servicing.ServicingException});
 * and the all-or-nothing change of an image's files and hives ({@link org.imagesmith.servicing.ServicingTransaction}).
 */
package org.imagesmith.servicing;
