package org.imagesmith.ui;

import org.imagesmith.wim.ImageInfo;

/** One image of a WIM file, as a node of the Images view. */
public record ImageNode(WimFileNode file, ImageInfo image) {
}
