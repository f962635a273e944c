package org.imagesmith.ui;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.part.ViewPart;
import org.imagesmith.wim.ImageInfo;
import org.imagesmith.wim.WimFile;
import org.imagesmith.wim.WindowsInfo;

/** The Images view: the images of a WIM file with their index, name, edition, architecture and size. */
public class ImagesView extends ViewPart {
    public static final String ID = "org.imagesmith.ui.views.images";

    private Label status;
    private TableViewer viewer;

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        status = new Label(parent, SWT.WRAP);
        status.setText("No WIM file open. Use \"Open WIM File...\" in this view's toolbar.");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(status);

        viewer = new TableViewer(parent, SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        Table table = viewer.getTable();
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(table);
        column("Index", 50, i -> Integer.toString(i.index()));
        column("Name", 220, ImageInfo::name);
        column("Edition", 120, i -> i.windows().map(WindowsInfo::editionId).orElse(""));
        column("Architecture", 90, i -> i.windows().flatMap(WindowsInfo::architecture)
                .map(WindowsInfo.Architecture::dismName).orElse(""));
        column("Size", 140, i -> NumberFormat.getIntegerInstance(Locale.US).format(i.totalBytes()) + " bytes");
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.setInput(List.of());

        Action open = new Action("Open WIM File...") {
            @Override
            public void run() {
                FileDialog dialog = new FileDialog(getSite().getShell(), SWT.OPEN);
                dialog.setFilterExtensions(new String[] {"*.wim;*.swm;*.esd", "*"});
                String chosen = dialog.open();
                if (chosen != null) {
                    showWimFile(Path.of(chosen));
                }
            }
        };
        open.setToolTipText("Show the images of a WIM file");
        getViewSite().getActionBars().getToolBarManager().add(open);
    }

    private void column(String title, int width, Function<ImageInfo, String> text) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((ImageInfo) element);
            }
        });
    }

    /** Shows the images of this WIM file; when it cannot be read, the view says why and shows no images. */
    public void showWimFile(Path path) {
        try (WimFile wim = WimFile.open(path)) {
            List<ImageInfo> images = new java.util.ArrayList<>();
            for (int i = 1; i <= wim.imageCount(); i++) {
                images.add(wim.image(i));
            }
            viewer.setInput(images);
            status.setText(path + ": " + images.size() + (images.size() == 1 ? " image" : " images")
                    + ", " + wim.header().compressionType().displayName() + " compression");
        } catch (NoSuchFileException e) {
            showError("The file " + path + " does not exist.");
        } catch (IOException e) {
            showError(path + " cannot be read as a WIM file: " + e.getMessage());
        }
        status.getParent().layout();
    }

    private void showError(String message) {
        viewer.setInput(List.of());
        status.setText(message);
    }

    /** The status line above the table (for tests and accessibility). */
    public String statusText() {
        return status.getText();
    }

    public Table table() {
        return viewer.getTable();
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }
}
