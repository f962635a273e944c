package org.imagesmith.unattend.dsl.ui.outline;

import java.util.List;

/**
 * An element of the answer file as the outline shows it.
 *
 * @param label what the outline shows
 * @param offset the offset of its text
 * @param length the length of its text
 * @param children the elements inside it
 */
public record OutlineNode(String label, int offset, int length, List<OutlineNode> children) {
}
