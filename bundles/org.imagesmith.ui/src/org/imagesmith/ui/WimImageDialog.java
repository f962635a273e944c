package org.imagesmith.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.dialogs.ListDialog;
import org.imagesmith.wim.ImageInfo;
import org.imagesmith.wim.WimFile;
import org.imagesmith.wim.WindowsInfo;

/** Lists the images of a WIM file (as /Get-WimInfo does) for the user to choose one. */
final class WimImageDialog {
    private WimImageDialog() {
    }

    /** The images of the WIM file, by index. */
    static List<ImageInfo> images(Path wimFile) throws IOException {
        try (WimFile file = WimFile.open(wimFile)) {
            List<ImageInfo> images = new ArrayList<>();
            for (int index = 1; index <= file.imageCount(); index++) {
                images.add(file.image(index));
            }
            return images;
        }
    }

    /** How an image is listed: index, name, and the architecture and edition when the XML data says. */
    static String label(ImageInfo image) {
        String architecture = image.windows().flatMap(WindowsInfo::architecture)
                .map(WindowsInfo.Architecture::dismName).orElse("");
        String edition = image.windows().map(WindowsInfo::editionId).orElse("");
        String details = String.join(", ", List.of(architecture, edition).stream().filter(s -> !s.isEmpty()).toList());
        return image.index() + "  " + image.name() + (details.isEmpty() ? "" : " (" + details + ")");
    }

    /** Opens the list with the image of this index selected: the index chosen, or empty on cancel or error. */
    static Optional<Integer> choose(Shell shell, Path wimFile, int selectedIndex) {
        List<ImageInfo> images;
        try {
            images = images(wimFile);
        } catch (IOException | RuntimeException e) {
            MessageDialog.openError(shell, "Choose Image", "The images of " + wimFile + " cannot be read: "
                    + e.getMessage());
            return Optional.empty();
        }
        ListDialog dialog = new ListDialog(shell);
        dialog.setTitle("Choose Image");
        dialog.setMessage("The images of " + wimFile.getFileName() + ":");
        dialog.setContentProvider(ArrayContentProvider.getInstance());
        dialog.setLabelProvider(new LabelProvider() {
            @Override
            public String getText(Object element) {
                return label((ImageInfo) element);
            }
        });
        dialog.setInput(images);
        images.stream().filter(image -> image.index() == selectedIndex).findFirst()
                .ifPresent(image -> dialog.setInitialElementSelections(List.of(image)));
        if (dialog.open() != Window.OK || dialog.getResult() == null || dialog.getResult().length == 0) {
            return Optional.empty();
        }
        return Optional.of(((ImageInfo) dialog.getResult()[0]).index());
    }
}
