package org.imagesmith.ui;

import org.imagesmith.wim.mount.MountRecord;
import org.imagesmith.wim.mount.MountStatus;

/** A mounted image with the status it had when the view last read the mount store. */
public record MountEntry(MountRecord record, MountStatus status) {
}
