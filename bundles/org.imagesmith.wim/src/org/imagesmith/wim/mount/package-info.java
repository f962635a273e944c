/**
 * Mounted images as DISM 6.1 keeps them (/Mount-Wim, /Unmount-Wim /Commit or /Discard, /Remount-Wim,
 * /Cleanup-Wim, /Get-MountedWimInfo and its statuses Ok, NeedsRemount and Invalid): the mount records
 * ({@link org.imagesmith.wim.mount.MountStore}, {@link org.imagesmith.wim.mount.MountRecord},
 * {@link org.imagesmith.wim.mount.MountPhase}), their life cycle ({@link org.imagesmith.wim.mount.MountedImages})
 * and the guard that refuses changes to a WIM file with a read/write mount ({@link org.imagesmith.wim.mount.MountGuard}).
 * The WIM format itself (MS-WIM) has no mount structures; these records are this engine's own.
 */
package org.imagesmith.wim.mount;
