package org.imagesmith.servicing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.imagesmith.testsupport.Hivex;
import org.imagesmith.testsupport.SyntheticWindowsImage;
import org.imagesmith.testsupport.Wimlib;
import org.imagesmith.wim.WriterLock;
import org.imagesmith.wim.mount.MountException;
import org.imagesmith.wim.mount.MountPhase;
import org.imagesmith.wim.mount.MountStore;
import org.imagesmith.wim.mount.MountedImages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The servicing runner: a writer holds the image folder's lock for its whole run and a second writer gets 32 naming it;
 * a reader takes no lock and cannot write; a read-only mount is refused to a writer before anything changes; an image
 * of a WIM file is written back only when it changed.
 */
class ServicingRunTest {
    private static final ServicingRun.Options OPTIONS = new ServicingRun.Options(Optional.empty(), false);
    private static final String VERSION = "Microsoft\\Windows NT\\CurrentVersion";

    @TempDir
    Path dir;
    Path root;
    MountedImages mounts;

    @BeforeEach
    void image() throws Exception {
        root = SyntheticWindowsImage.write(dir.resolve("image"), SyntheticWindowsImage.Kind.WINDOWS_7_SP1_X64);
        mounts = new MountedImages(new MountStore(dir.resolve("mounts")));
    }

    private ServicingRun open(ServicingTarget target, ServicingRun.Access access, String operation) throws Exception {
        return ServicingRun.open(target, access, operation, OPTIONS, mounts, ServicingLog.none());
    }

    @Test
    void aWriterHoldsTheFoldersLockUntilItClosesAndReadersAreNotBlocked() throws Exception {
        ServicingTarget target = new ServicingTarget.ImageFolder(root);
        try (ServicingRun writer = open(target, ServicingRun.Access.WRITE, "/Add-Package")) {
            String holder = WriterLock.holder(root).orElseThrow();
            assertTrue(holder.startsWith("process " + ProcessHandle.current().pid() + " (/Add-Package, since "), holder);
            ServicingException second = assertThrows(ServicingException.class,
                    () -> open(new ServicingTarget.ImageFolder(dir.resolve("image/Windows/..")), ServicingRun.Access.WRITE,
                            "/Enable-Feature"));
            assertEquals(ServicingException.SHARING_VIOLATION, second.errorCode());
            assertTrue(second.getMessage().contains(root.toRealPath() + " is being changed by another command, " + holder),
                    second.getMessage());
            try (ServicingRun reader = open(target, ServicingRun.Access.READ, "/Get-Packages")) {
                assertEquals("6.1.7601.17514", reader.session().identity().version());
                ServicingException write = assertThrows(ServicingException.class, () -> reader.session().saveHive(
                        ServicingSession.SOFTWARE_HIVE));
                assertEquals(ServicingException.ACCESS_DENIED, write.errorCode(), "a reader opens the image read-only");
            }
            writer.session().software().key(VERSION).setString("RegisteredOwner", "Contoso");
            writer.service(session -> {
                session.saveHive(ServicingSession.SOFTWARE_HIVE);
                return null;
            });
            assertEquals(Optional.empty(), writer.commit((done, total) -> { }), "a folder holds its changes already");
        }
        assertEquals(Optional.empty(), WriterLock.holder(root), "closing the run releases the lock");
        assertEquals(Optional.of("Contoso"), Hivex.get(root.resolve("Windows/System32/config/SOFTWARE"), VERSION,
                "RegisteredOwner"));
        try (ServicingRun next = open(target, ServicingRun.Access.WRITE, "/Enable-Feature")) {
            assertTrue(WriterLock.holder(root).orElseThrow().contains("(/Enable-Feature, since "));
        }
    }

    @Test
    void aReadOnlyMountIsRefusedToAWriterAndAFolderThatIsNoMountIsNotAMountedImage() throws Exception {
        Path wim = dir.resolve("install.wim");
        Wimlib.capture(root, wim, "Windows 7 PROFESSIONAL", "Windows 7 PROFESSIONAL", "--compress=lzx");
        Path mountDir = Files.createDirectories(dir.resolve("mount"));
        mounts.mount(wim, 1, mountDir, true, (done, total) -> { });
        try {
            byte[] before = Files.readAllBytes(mountDir.resolve("Windows/System32/config/SOFTWARE"));
            for (ServicingTarget target : new ServicingTarget[] {new ServicingTarget.ImageFolder(mountDir),
                    new ServicingTarget.MountedImage(mountDir)}) {
                ServicingException refused = assertThrows(ServicingException.class,
                        () -> open(target, ServicingRun.Access.WRITE, "/Enable-Feature"));
                assertEquals(ServicingException.ACCESS_DENIED, refused.errorCode());
                assertTrue(refused.getMessage().contains("is read-only"), refused.getMessage());
                assertEquals(Optional.empty(), WriterLock.holder(mountDir), "a refused writer leaves no lock held");
            }
            try (ServicingRun reader = open(new ServicingTarget.MountedImage(mountDir), ServicingRun.Access.READ, "/Get-Features")) {
                assertEquals("6.1.7601.17514", reader.session().identity().version());
            }
            assertArrayEquals(before, Files.readAllBytes(mountDir.resolve("Windows/System32/config/SOFTWARE")));
        } finally {
            mounts.discard(mountDir);
        }
        ServicingException notMounted = assertThrows(ServicingException.class,
                () -> open(new ServicingTarget.MountedImage(root), ServicingRun.Access.WRITE, "Apply to Image"));
        assertEquals(3, notMounted.errorCode(), notMounted.getMessage());
        assertTrue(notMounted.getMessage().contains("is not the mount point of an image"), notMounted.getMessage());
    }

    @Test
    void aMountWhoseUnmountWasInterruptedIsNotServiced() throws Exception {
        Path wim = dir.resolve("install.wim");
        Wimlib.capture(root, wim, "Windows 7 PROFESSIONAL", "Windows 7 PROFESSIONAL", "--compress=lzx");
        Path mountDir = Files.createDirectories(dir.resolve("mount"));
        mounts.mount(wim, 1, mountDir, false, (done, total) -> { });
        // as an /Unmount-Wim /Commit killed after its commit leaves it: the folder may be half deleted
        mounts.store().update(mounts.record(mountDir).inPhase(MountPhase.UNMOUNT_COMMITTED, ""));
        byte[] before = Files.readAllBytes(mountDir.resolve("Windows/System32/config/SOFTWARE"));
        for (ServicingRun.Access access : ServicingRun.Access.values()) {
            for (ServicingTarget target : new ServicingTarget[] {new ServicingTarget.ImageFolder(mountDir),
                    new ServicingTarget.MountedImage(mountDir)}) {
                ServicingException refused = assertThrows(ServicingException.class,
                        () -> open(target, access, "/Get-Packages"));
                assertEquals(MountException.UNMOUNT_PENDING, refused.errorCode(), refused.getMessage());
                assertTrue(refused.getMessage().contains("Finish the unmount with /Unmount-Wim /MountDir:" + mountDir),
                        refused.getMessage());
            }
        }
        assertArrayEquals(before, Files.readAllBytes(mountDir.resolve("Windows/System32/config/SOFTWARE")));
        assertEquals(Optional.empty(), WriterLock.holder(mountDir), "a refused run leaves no lock held");
        mounts.discard(mountDir);
        assertEquals(Optional.empty(), mounts.store().find(mountDir), "discarding finishes the unmount");
    }

    @Test
    void anImageOfAWimFileIsWrittenBackOnlyWhenItChanged() throws Exception {
        Path wim = dir.resolve("install.wim");
        Wimlib.capture(root, wim, "Windows 7 PROFESSIONAL", "Windows 7 PROFESSIONAL", "--compress=lzx");
        byte[] before = Files.readAllBytes(wim);
        ServicingTarget target = new ServicingTarget.WimFileImage(wim, 1);
        try (ServicingRun unchanged = open(target, ServicingRun.Access.WRITE, "/Enable-Feature")) {
            assertEquals(Optional.empty(), unchanged.commit((done, total) -> { }));
        }
        assertArrayEquals(before, Files.readAllBytes(wim), "nothing changed, nothing written");

        try (ServicingRun dropped = open(target, ServicingRun.Access.WRITE, "/Set-ProductKey")) {
            dropped.session().software().key(VERSION).setString("RegisteredOwner", "Dropped");
            dropped.session().saveHive(ServicingSession.SOFTWARE_HIVE);
            // no commit: the work failed
        }
        assertArrayEquals(before, Files.readAllBytes(wim), "what is not committed is dropped");

        String[] saving = new String[1];
        try (ServicingRun changed = open(target, ServicingRun.Access.WRITE, "/Set-ProductKey")) {
            changed.session().software().key(VERSION).setString("RegisteredOwner", "Contoso");
            changed.session().saveHive(ServicingSession.SOFTWARE_HIVE);
            assertTrue(changed.commit(new ServicingRun.CommitProgress() {
                @Override
                public void saving(String image) {
                    saving[0] = image;
                }

                @Override
                public void bytesWritten(long done, long total) {
                    // not shown
                }
            }).isPresent());
        }
        assertEquals(wim.toAbsolutePath().normalize() + ", image 1", saving[0]);
        Wimlib.verify(wim);
        Path applied = dir.resolve("applied");
        Wimlib.apply(wim, 1, applied);
        assertEquals(Optional.of("Contoso"), Hivex.get(applied.resolve("Windows/System32/config/SOFTWARE"), VERSION,
                "RegisteredOwner"));
    }
}
