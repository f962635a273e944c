package org.imagesmith.ui;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.function.Function;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.imagesmith.wim.ImageInfo;
import org.imagesmith.wim.WindowsInfo;
import org.imagesmith.wim.mount.MountRecord;
import org.imagesmith.wim.mount.MountStatus;

/** The columns of the Images view and what each shows of a WIM file, an image and a mount. */
enum ImagesColumn {
    NAME("Name", 260),
    INDEX("Index", 50),
    EDITION("Edition", 120),
    ARCHITECTURE("Architecture", 90),
    SIZE("Size", 140),
    STATUS("Status", 110),
    ACCESS("Access", 90);

    private final String title;
    private final int width;

    ImagesColumn(String title, int width) {
        this.title = title;
        this.width = width;
    }

    String title() {
        return title;
    }

    int width() {
        return width;
    }

    /** The text of this column for a node of the tree. */
    String text(Object element) {
        if (element instanceof WimFileNode file) {
            return switch (this) {
                case NAME -> file.workspacePath();
                case STATUS -> file.problem().isPresent() ? "Unreadable"
                        : file.images().size() + (file.images().size() == 1 ? " image" : " images");
                default -> "";
            };
        }
        if (element instanceof ImageNode node) {
            return imageText(node.image());
        }
        if (element instanceof MountEntry entry) {
            MountRecord record = entry.record();
            return switch (this) {
                case NAME -> record.mountDir().toString();
                case INDEX -> Integer.toString(record.imageIndex());
                case STATUS -> entry.status().text();
                case ACCESS -> record.readWrite() ? "Read/Write" : "Read-Only";
                default -> "";
            };
        }
        return this == NAME ? String.valueOf(element) : "";
    }

    private String imageText(ImageInfo image) {
        return switch (this) {
            case NAME -> image.name();
            case INDEX -> Integer.toString(image.index());
            case EDITION -> image.windows().map(WindowsInfo::editionId).orElse("");
            case ARCHITECTURE -> image.windows().flatMap(WindowsInfo::architecture)
                    .map(WindowsInfo.Architecture::dismName).orElse("");
            case SIZE -> NumberFormat.getIntegerInstance(Locale.US).format(image.totalBytes()) + " bytes";
            default -> "";
        };
    }

    /** The label provider of this column: its text, an icon in the first column and a tool tip on each row. */
    ColumnLabelProvider labelProvider() {
        return new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text(element);
            }

            @Override
            public Image getImage(Object element) {
                return ImagesColumn.this == NAME ? icon(element) : null;
            }

            @Override
            public String getToolTipText(Object element) {
                return toolTip(element);
            }
        };
    }

    private static Image icon(Object element) {
        Function<String, Image> shared = PlatformUI.getWorkbench().getSharedImages()::getImage;
        if (element instanceof WimFileNode file) {
            return shared.apply(file.problem().isPresent() ? ISharedImages.IMG_OBJS_ERROR_TSK : ISharedImages.IMG_OBJ_FILE);
        }
        if (element instanceof ImageNode) {
            return shared.apply(ISharedImages.IMG_OBJ_ELEMENT);
        }
        if (element instanceof MountEntry entry) {
            return shared.apply(entry.status() == MountStatus.OK ? ISharedImages.IMG_OBJ_FOLDER
                    : entry.status() == MountStatus.NEEDS_REMOUNT ? ISharedImages.IMG_OBJS_WARN_TSK
                    : ISharedImages.IMG_OBJS_ERROR_TSK);
        }
        return shared.apply(ISharedImages.IMG_OBJ_FOLDER);
    }

    private static String toolTip(Object element) {
        if (element instanceof WimFileNode file) {
            return file.problem().orElse(file.location().toString());
        }
        if (element instanceof ImageNode node) {
            String description = node.image().description();
            return description == null || description.isEmpty() ? node.image().name() : description;
        }
        if (element instanceof MountEntry entry) {
            MountRecord record = entry.record();
            String advice = switch (entry.status()) {
                case OK -> "";
                case NEEDS_REMOUNT -> " The mount directory lost its contents: Remount applies the image again.";
                case INVALID -> " The WIM file is missing or was changed: Unmount (Discard) or Cleanup.";
                case UNMOUNT_PENDING -> " An unmount was interrupted: Unmount or Cleanup finishes it.";
            };
            return "Image " + record.imageIndex() + " of " + record.imageFile() + ", mounted "
                    + (record.readWrite() ? "read/write" : "read-only") + " at " + record.mountedAt() + "." + advice;
        }
        return null;
    }
}
