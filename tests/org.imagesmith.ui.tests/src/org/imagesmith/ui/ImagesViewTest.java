package org.imagesmith.ui;

import static org.imagesmith.ui.UiTesting.item;
import static org.imagesmith.ui.UiTesting.processEvents;
import static org.imagesmith.ui.UiTesting.row;
import static org.imagesmith.ui.UiTesting.texts;
import static org.imagesmith.ui.UiTesting.waitForJobs;
import static org.imagesmith.ui.UiTesting.window;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.imagesmith.testsupport.NoLoggedErrors;
import org.imagesmith.testsupport.SyntheticTree;
import org.imagesmith.testsupport.Wimlib;
import org.imagesmith.ui.preferences.ImagesmithPreferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Starts the real workbench (under Xvfb in CI), opens the Imagesmith perspective and drives the Images view. */
@ExtendWith(NoLoggedErrors.class)
class ImagesViewTest {
    @TempDir
    Path dir;

    private IProject project;
    private ImagesView view;

    @BeforeEach
    void setUp() throws Exception {
        System.setProperty(MountStores.PROPERTY, dir.resolve("store").toString());
        ImagesmithPreferences.store().setValue(ImagesmithPreferences.LOG_FILE, dir.resolve("dism.log").toString());
        ImagesmithPreferences.store().setValue(ImagesmithPreferences.SCRATCH_DIRECTORY, dir.toString());
        project = ResourcesPlugin.getWorkspace().getRoot().getProject("images");
        project.create(null);
        project.open(null);
        view = (ImagesView) window().getActivePage().showView(ImagesView.ID);
        view.refresh();
        waitForJobs();
    }

    @AfterEach
    void tearDown() throws Exception {
        waitForJobs();
        project.delete(true, true, null);
        waitForJobs();
        System.clearProperty(MountStores.PROPERTY);
        ImagesmithPreferences.store().setToDefault(ImagesmithPreferences.LOG_FILE);
        ImagesmithPreferences.store().setToDefault(ImagesmithPreferences.SCRATCH_DIRECTORY);
    }

    /** Captures a two-image WIM file (the second an x64 Ultimate) into the project and tells the workspace. */
    private Path installWim() throws Exception {
        Path wim = project.getLocation().toFile().toPath().resolve("install.wim");
        Wimlib.capture(SyntheticTree.write(dir.resolve("one"), 1), wim, "Windows 7 HOMEBASIC", "Home Basic", "--compress=lzx");
        Wimlib.append(SyntheticTree.write(dir.resolve("two"), 2), wim, "Windows 7 ULTIMATE", "Ultimate", "--compress=lzx");
        Wimlib.setProperties(wim, 2, "WINDOWS/ARCH=9", "WINDOWS/EDITIONID=Ultimate");
        project.refreshLocal(IResource.DEPTH_INFINITE, null);
        waitForJobs();
        return wim;
    }

    private TreeItem mounts() {
        return item(view.tree(), "Mounted images");
    }

    private ImageNode image(int index) {
        return (ImageNode) item(view.tree(), "/images/install.wim").getItem(index - 1).getData();
    }

    private TreeItem mount(Path mountDir) throws Exception {
        TreeItem mounts = mounts();
        String name = mountDir.toRealPath().toString();
        return Arrays.stream(mounts.getItems()).filter(item -> item.getText(0).equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no mount " + mountDir + " in " + texts(mounts.getItems())));
    }

    private MountEntry select(TreeItem item) {
        view.viewer().setSelection(new org.eclipse.jface.viewers.StructuredSelection(item.getData()), true);
        return (MountEntry) item.getData();
    }

    @Test
    void perspectiveOpensWithTheImagesView() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().showPerspective(ImagesmithPerspective.ID, window());
        processEvents();
        assertEquals(ImagesmithPerspective.ID, page.getPerspective().getId());
        IViewPart part = page.findView(ImagesView.ID);
        ImagesView images = assertInstanceOf(ImagesView.class, part, "the Images view is part of the perspective");
        assertTrue(images.tree().isVisible(), "the images tree is showing");
        assertEquals(List.of("Name", "Index", "Edition", "Architecture", "Size", "Status", "Access"),
                Arrays.stream(images.tree().getColumns()).map(TreeColumn::getText).toList());
        assertEquals(0, mounts().getItemCount(), "the test's mount store is empty");
    }

    @Test
    void showsTheWimFilesOfTheWorkspaceWithTheirImages() throws Exception {
        installWim();
        TreeItem file = item(view.tree(), "/images/install.wim");
        assertEquals("2 images", file.getText(5));
        assertEquals(2, file.getItemCount());
        List<String> first = row(file.getItem(0));
        List<String> second = row(file.getItem(1));
        assertEquals(List.of("Windows 7 HOMEBASIC", "1"), first.subList(0, 2));
        assertEquals(List.of("Windows 7 ULTIMATE", "2", "Ultimate", "x64"), second.subList(0, 4));
        assertTrue(second.get(4).matches("[0-9,]+ bytes") && !second.get(4).equals("0 bytes"), second.get(4));
        assertTrue(view.statusText().startsWith("1 WIM file in the workspace"), view.statusText());
        file.setExpanded(true);
        org.imagesmith.testsupport.Screenshots.save(view.getSite().getShell(), "images-view");

        Files.writeString(project.getLocation().toFile().toPath().resolve("notes.esd"), "plain text ".repeat(30));
        project.refreshLocal(IResource.DEPTH_INFINITE, null);
        waitForJobs();
        TreeItem notes = item(view.tree(), "/images/notes.esd");
        assertEquals("Unreadable", notes.getText(5));
        assertEquals(0, notes.getItemCount());

        project.close(null);
        waitForJobs();
        assertEquals(List.of("Mounted images"), texts(view.tree().getItems()), "a closed project's files go");
    }

    @Test
    void mountsAnImageThenDiscardsIt() throws Exception {
        Path wim = installWim();
        Path mountDir = dir.resolve("mount");
        view.viewer().setSelection(new org.eclipse.jface.viewers.StructuredSelection(image(2)), true);
        assertTrue(view.mountAction().isEnabled(), "Mount is offered for a selected image");
        assertFalse(view.unmountAction(false).isEnabled(), "Unmount is not offered for an image");

        assertTrue(view.mountAction().mount(new MountRequest(image(2), mountDir.toString(), false)).isPresent());
        waitForJobs();
        assertTrue(Files.isRegularFile(mountDir.resolve("Windows/System32/license.txt")), "the image is applied");
        TreeItem mounted = mount(mountDir);
        assertEquals(List.of(mountDir.toRealPath().toString(), "2", "", "", "", "Ok", "Read/Write"), row(mounted));
        assertTrue(view.statusText().startsWith("Mounted image 2 of " + wim), view.statusText());
        String log = Files.readString(dir.resolve("dism.log"));
        assertTrue(log.contains("Info                  DISM   Imagesmith IDE: Mounting image 2 of " + wim), log);

        MountEntry entry = select(mounted);
        assertTrue(view.unmountAction(true).isEnabled(), "a read/write mount can be committed");
        assertTrue(view.unmountAction(false).isEnabled());
        assertFalse(view.remountAction().isEnabled(), "an Ok mount needs no remount");
        view.unmountAction(false).unmount(entry);
        waitForJobs();
        assertEquals(0, mounts().getItemCount(), texts(mounts().getItems()).toString());
        assertTrue(Files.isDirectory(mountDir) && Files.list(mountDir).findAny().isEmpty(), "the directory is emptied");
        assertTrue(view.statusText().contains("the changes were discarded"), view.statusText());
    }

    @Test
    void unmountWithCommitSavesTheChangesIntoTheWimFile() throws Exception {
        Path wim = installWim();
        Path mountDir = dir.resolve("mount");
        view.mountAction().mount(new MountRequest(image(1), mountDir.toString(), false));
        waitForJobs();
        Files.writeString(mountDir.resolve("Windows/added.txt"), "added while mounted");

        view.unmountAction(true).unmount(select(mount(mountDir)));
        waitForJobs();
        assertTrue(view.statusText().startsWith("Committed "), view.statusText());
        assertEquals(0, mounts().getItemCount());
        Wimlib.verify(wim);
        Path check = Files.createDirectories(dir.resolve("check"));
        Wimlib.apply(wim, 1, check);
        assertEquals("added while mounted", Files.readString(check.resolve("Windows/added.txt")));
    }

    @Test
    void commitIsNotOfferedForAReadOnlyMount() throws Exception {
        installWim();
        Path mountDir = dir.resolve("read-only");
        view.mountAction().mount(new MountRequest(image(1), mountDir.toString(), true));
        waitForJobs();
        TreeItem mounted = mount(mountDir);
        assertEquals("Read-Only", mounted.getText(6));
        select(mounted);
        assertFalse(view.unmountAction(true).isEnabled());
        assertTrue(view.unmountAction(true).getToolTipText().contains("mounted read-only"),
                view.unmountAction(true).getToolTipText());
        view.unmountAction(false).unmount((MountEntry) mounted.getData());
        waitForJobs();
    }

    @Test
    void remountsAnEmptiedMountAndCleansUpAnInvalidOne() throws Exception {
        Path wim = installWim();
        Path emptied = dir.resolve("emptied");
        Path invalid = dir.resolve("invalid");
        view.mountAction().mount(new MountRequest(image(1), emptied.toString(), true));
        view.mountAction().mount(new MountRequest(image(2), invalid.toString(), true));
        waitForJobs();
        try (var files = Files.walk(emptied)) {
            files.sorted(java.util.Comparator.reverseOrder()).filter(path -> !path.equals(emptied)).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        view.refresh();
        waitForJobs();
        assertEquals("Needs Remount", mount(emptied).getText(5));
        select(mount(emptied));
        assertTrue(view.remountAction().isEnabled());
        view.remountAction().remount((MountEntry) mount(emptied).getData());
        waitForJobs();
        assertEquals("Ok", mount(emptied).getText(5));
        assertTrue(Files.isRegularFile(emptied.resolve("Windows/System32/license.txt")));

        // someone else deletes image 1 of the WIM file: neither image is what was mounted, both mounts become
        // Invalid, Cleanup removes them (touching the file alone would leave them Ok: their images are unchanged)
        Wimlib.run("delete", wim.toString(), "1");
        view.refresh();
        waitForJobs();
        assertEquals("Invalid", mount(invalid).getText(5));
        view.cleanupAction().cleanup();
        waitForJobs();
        assertEquals(0, mounts().getItemCount());
        assertEquals("Cleaned up 2 mounts.", view.statusText());
    }

    @Test
    void saysWhyAMountCannotBeDone() throws Exception {
        installWim();
        Path full = Files.createDirectories(dir.resolve("full"));
        Files.writeString(full.resolve("file.txt"), "in the way");
        assertTrue(view.mountAction().mount(new MountRequest(image(1), full.toString(), false)).isEmpty());
        assertEquals("The mount directory " + full + " is not empty. Choose an empty directory.", view.statusText());

        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        view.mountAction().mount(new MountRequest(image(1), first.toString(), false));
        waitForJobs();
        view.mountAction().mount(new MountRequest(image(1), second.toString(), false));
        waitForJobs();
        assertTrue(view.statusText().contains("is already mounted read/write at"), view.statusText());
        assertEquals(1, mounts().getItemCount());
        view.unmountAction(false).unmount((MountEntry) mount(first).getData());
        waitForJobs();
    }
}
