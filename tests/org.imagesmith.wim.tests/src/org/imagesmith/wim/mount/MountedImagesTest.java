package org.imagesmith.wim.mount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.imagesmith.testsupport.SyntheticTree;
import org.imagesmith.testsupport.Wimlib;
import org.imagesmith.wim.ApplyOptions;
import org.imagesmith.wim.WriterLock;
import org.imagesmith.wim.ImageCommit;
import org.imagesmith.wim.ImageMetadata;
import org.imagesmith.wim.SplitWimSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mounts recorded so that they survive the process: mount, status, remount, discard, cleanup. */
class MountedImagesTest {
    @TempDir
    Path dir;
    Path wim;
    MountStore store;

    @BeforeEach
    void wimAndStore() throws IOException {
        wim = dir.resolve("install.wim");
        Wimlib.capture(SyntheticTree.write(dir.resolve("src1"), 1), wim, "One", "first", "--compress=lzx");
        Wimlib.append(SyntheticTree.write(dir.resolve("src2"), 2), wim, "Two", "second", "--compress=lzx");
        store = new MountStore(dir.resolve("state/mounts"));
    }

    private Path emptyDir(String name) throws IOException {
        return Files.createDirectories(dir.resolve(name));
    }

    private static TreeMap<String, String> tree(Path root) throws IOException {
        TreeMap<String, String> result = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.toList()) {
                result.put(root.relativize(f).toString(), Files.isRegularFile(f) ? sha1(Files.readAllBytes(f)) : "dir");
            }
        }
        return result;
    }

    private static String sha1(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aSplitWimMountsReadOnlyOnlyAndRemountsFromItsParts() throws IOException {
        Path source = SyntheticTree.write(dir.resolve("large"), 3);
        java.util.Random random = new java.util.Random(3);
        for (int i = 1; i <= 4; i++) {
            byte[] data = new byte[400_000];
            random.nextBytes(data);
            Files.write(source.resolve("Windows/System32/driver" + i + ".sys"), data);
        }
        Path large = dir.resolve("large.wim");
        Wimlib.capture(source, large, "Large", "split", "--compress=lzx");
        Path first = Files.createDirectories(dir.resolve("parts")).resolve("install.swm");
        Wimlib.split(large, first, 1);
        List<Path> files = SplitWimSet.matching(first.resolveSibling("install*.swm").toString());
        assertTrue(files.size() >= 2, files.toString());
        MountedImages images = new MountedImages(store);

        Path readWrite = emptyDir("read-write");
        MountException refused = assertThrows(MountException.class,
                () -> images.mount(first, files, 1, readWrite, false, ApplyOptions.DEFAULT.progress()));
        assertEquals(MountException.NOT_SUPPORTED, refused.errorCode());
        assertTrue(refused.getMessage().contains("part of a split WIM (" + files.size() + " parts), which is"
                + " read-only. Mount it with /ReadOnly"), refused.getMessage());
        assertEquals(List.of(), store.records());

        Path mount = emptyDir("read-only");
        MountRecord record = images.mount(first, files, 1, mount, true, ApplyOptions.DEFAULT.progress());
        Wimlib.apply(large, 1, dir.resolve("reference"));
        assertEquals(tree(dir.resolve("reference")), tree(mount));
        assertEquals(files.size() - 1, record.splitParts().size());
        assertFalse(record.readWrite());

        MountedImages later = new MountedImages(new MountStore(dir.resolve("state/mounts")));
        assertEquals(List.of(record), later.store().records());
        org.imagesmith.wim.LocalTrees.deleteContents(mount);
        assertEquals(MountStatus.NEEDS_REMOUNT, later.status(record));
        later.remount(mount, ApplyOptions.DEFAULT.progress());
        assertEquals(tree(dir.resolve("reference")), tree(mount), "remounted from all the parts");
        Files.delete(first.resolveSibling("install2.swm"));
        assertEquals(MountStatus.INVALID, later.status(record), "a part went away");
    }

    @Test
    void aMountHoldsTheImageAndIsRememberedByANewProcess() throws IOException {
        Path mount = emptyDir("mount");
        MountRecord record = new MountedImages(store).mount(wim, 2, mount, false, ApplyOptions.DEFAULT.progress());
        Wimlib.apply(wim, 2, dir.resolve("reference"));
        assertEquals(tree(dir.resolve("reference")), tree(mount));

        MountedImages later = new MountedImages(new MountStore(dir.resolve("state/mounts")));
        List<MountRecord> records = later.store().records();
        assertEquals(List.of(record), records);
        assertEquals(mount.toRealPath(), records.get(0).mountDir());
        assertEquals(wim.toRealPath(), records.get(0).imageFile());
        assertEquals(2, records.get(0).imageIndex());
        assertTrue(records.get(0).readWrite());
        assertEquals(MountStatus.OK, later.status(records.get(0)));
        assertTrue(later.store().metadata(mount).length > 0, "the original metadata is kept aside for the commit");
    }

    @Test
    void aSecondReadWriteMountOfTheSameImageIsRefused() throws IOException {
        MountedImages mounts = new MountedImages(store);
        mounts.mount(wim, 1, emptyDir("first"), false, ApplyOptions.DEFAULT.progress());
        MountException e = assertThrows(MountException.class,
                () -> mounts.mount(wim, 1, emptyDir("second"), false, ApplyOptions.DEFAULT.progress()));
        assertEquals(MountException.MOUNTED_READ_WRITE, e.errorCode());
        assertTrue(e.getMessage().contains("already mounted read/write"), e.getMessage());
        mounts.mount(wim, 1, dir.resolve("second"), true, ApplyOptions.DEFAULT.progress());
        mounts.mount(wim, 2, emptyDir("third"), false, ApplyOptions.DEFAULT.progress());
        assertEquals(3, store.records().size());
    }

    @Test
    void aMountNeedsAnEmptyDirectoryThatIsNotAMountPointYet() throws IOException {
        MountedImages mounts = new MountedImages(store);
        Path full = emptyDir("full");
        Files.writeString(full.resolve("keep.txt"), "mine");
        MountException notEmpty = assertThrows(MountException.class,
                () -> mounts.mount(wim, 1, full, false, ApplyOptions.DEFAULT.progress()));
        assertEquals(MountException.DIR_NOT_EMPTY, notEmpty.errorCode());
        assertEquals("mine", Files.readString(full.resolve("keep.txt")));
        assertEquals(MountException.PATH_NOT_FOUND, assertThrows(MountException.class,
                () -> mounts.mount(wim, 1, dir.resolve("absent"), false, ApplyOptions.DEFAULT.progress())).errorCode());
        Path mount = emptyDir("mount");
        mounts.mount(wim, 1, mount, true, ApplyOptions.DEFAULT.progress());
        assertEquals(MountException.ALREADY_MOUNTED, assertThrows(MountException.class,
                () -> mounts.mount(wim, 2, mount, true, ApplyOptions.DEFAULT.progress())).errorCode());
    }

    @Test
    void statusFollowsTheDirectoryAndTheWimFile() throws IOException {
        MountedImages mounts = new MountedImages(store);
        Path lost = emptyDir("lost");
        Path ok = emptyDir("ok");
        MountRecord lostRecord = mounts.mount(wim, 1, lost, true, ApplyOptions.DEFAULT.progress());
        MountRecord okRecord = mounts.mount(wim, 2, ok, true, ApplyOptions.DEFAULT.progress());

        org.imagesmith.wim.LocalTrees.deleteContents(lost);
        Files.delete(lost);
        assertEquals(MountStatus.NEEDS_REMOUNT, mounts.status(lostRecord));
        mounts.remount(lost, ApplyOptions.DEFAULT.progress());
        assertEquals(MountStatus.OK, mounts.status(lostRecord));
        Wimlib.apply(wim, 1, dir.resolve("reference"));
        assertEquals(tree(dir.resolve("reference")), tree(lost));

        Files.setLastModifiedTime(wim, FileTime.fromMillis(Files.getLastModifiedTime(wim).toMillis() + 60_000));
        assertEquals(MountStatus.OK, mounts.status(okRecord), "a file touched but holding the same image");
        Wimlib.run("delete", wim.toString(), "1");
        assertEquals(MountStatus.INVALID, mounts.status(okRecord), "image 2 is gone");
        MountException e = assertThrows(MountException.class, () -> mounts.remount(ok, ApplyOptions.DEFAULT.progress()));
        assertEquals(MountException.IMAGE_CHANGED, e.errorCode());
    }

    @Test
    void cleanupRemovesAbandonedMountsAndKeepsGoodOnes() throws IOException {
        Path good = emptyDir("good");
        Path abandoned = emptyDir("abandoned");
        MountedImages mounts = new MountedImages(store);
        mounts.mount(wim, 1, good, true, ApplyOptions.DEFAULT.progress());
        mounts.mount(wim, 2, abandoned, true, ApplyOptions.DEFAULT.progress());
        org.imagesmith.wim.LocalTrees.deleteContents(abandoned);

        List<MountRecord> cleaned = mounts.cleanup();
        assertEquals(1, cleaned.size());
        assertEquals(abandoned.toRealPath(), cleaned.get(0).mountDir());
        assertEquals(1, store.records().size());
        assertEquals(good.toRealPath(), store.records().get(0).mountDir());
    }

    @Test
    void cleanupGoesOnPastAMountAnotherCommandHoldsAndThenSaysSo() throws IOException {
        // records are cleaned up in the order of their folders: the held one comes first
        Path busy = emptyDir("a-busy");
        Path abandoned = emptyDir("b-abandoned");
        MountedImages mounts = new MountedImages(store);
        mounts.mount(wim, 1, busy, true, ApplyOptions.DEFAULT.progress());
        mounts.mount(wim, 2, abandoned, true, ApplyOptions.DEFAULT.progress());
        org.imagesmith.wim.LocalTrees.deleteContents(busy);
        org.imagesmith.wim.LocalTrees.deleteContents(abandoned);

        try (WriterLock held = WriterLock.acquire(busy, "remounting it")) {
            WriterLock.TargetLockedException refused = assertThrows(WriterLock.TargetLockedException.class,
                    mounts::cleanup);
            assertTrue(refused.holder().contains("remounting it"), refused.getMessage());
        }
        assertEquals(List.of(busy.toRealPath()), store.records().stream().map(MountRecord::mountDir).toList(),
                "the other abandoned mount is cleaned up; the held one stays for a later cleanup");
        assertEquals(List.of(busy.toRealPath()), mounts.cleanup().stream().map(MountRecord::mountDir).toList());
        assertEquals(List.of(), store.records());
    }

    @Test
    void discardEmptiesTheDirectoryWithoutFollowingLinksOut() throws IOException {
        Path outside = Files.writeString(dir.resolve("outside.txt"), "not yours");
        Path mount = emptyDir("mount");
        MountedImages mounts = new MountedImages(store);
        mounts.mount(wim, 1, mount, false, ApplyOptions.DEFAULT.progress());
        Files.createSymbolicLink(mount.resolve("link-out"), outside);
        Files.createSymbolicLink(mount.resolve("dir-link-out"), dir.resolve("src1"));
        mounts.discard(mount);
        assertTrue(Files.isDirectory(mount));
        try (Stream<Path> left = Files.list(mount)) {
            assertEquals(0, left.count());
        }
        assertEquals("not yours", Files.readString(outside));
        assertTrue(Files.exists(dir.resolve("src1/Windows/variant.txt")), "a linked directory outside is untouched");
        assertTrue(store.records().isEmpty());
        assertFalse(store.find(mount).isPresent());
        assertThrows(MountException.class, () -> mounts.discard(mount));
    }

    @Test
    void aCommitSavesTheTreeAndKeepsThisAndOtherMountsOk() throws IOException {
        MountedImages mounts = new MountedImages(store);
        Path one = emptyDir("one");
        Path two = emptyDir("two");
        mounts.mount(wim, 1, one, false, ApplyOptions.DEFAULT.progress());
        MountRecord twoRecord = mounts.mount(wim, 2, two, true, ApplyOptions.DEFAULT.progress());
        Files.writeString(one.resolve("Windows/added.txt"), "added");
        Files.delete(one.resolve("Windows/variant.txt"));

        mounts.commit(one, false, (done, total) -> { });
        assertEquals(MountStatus.OK, mounts.status(mounts.record(one)));
        assertEquals(MountStatus.OK, mounts.status(mounts.store().find(two).orElseThrow()),
                "a mount of another image of the file is not invalidated");
        assertEquals(twoRecord.mountedAt(), mounts.store().find(two).orElseThrow().mountedAt());
        Wimlib.verify(wim);
        Wimlib.apply(wim, 1, dir.resolve("applied-1"));
        assertEquals(tree(one), tree(dir.resolve("applied-1")));

        Files.writeString(one.resolve("Windows/added.txt"), "changed again");
        mounts.commit(one, false, (done, total) -> { });
        assertImagesHold(one, two);
    }

    /** The WIM file's two images hold exactly the files of these directories. */
    private void assertImagesHold(Path first, Path second) throws IOException {
        for (int index = 1; index <= 2; index++) {
            Path applied = dir.resolve("applied-" + index + "-" + System.nanoTime());
            Wimlib.apply(wim, index, applied);
            assertEquals(tree(index == 1 ? first : second), tree(applied), "image " + index);
        }
    }

    @Test
    void aCommitNeedsAReadWriteMountWhoseStatusIsOk() throws IOException {
        MountedImages mounts = new MountedImages(store);
        Path readOnly = emptyDir("ro");
        mounts.mount(wim, 1, readOnly, true, ApplyOptions.DEFAULT.progress());
        MountException e = assertThrows(MountException.class, () -> mounts.commit(readOnly, false, (d, t) -> { }));
        assertEquals(MountException.ACCESS_DENIED, e.errorCode());
        assertTrue(e.getMessage().contains("mounted read-only"), e.getMessage());

        Path lost = emptyDir("lost");
        mounts.mount(wim, 2, lost, false, ApplyOptions.DEFAULT.progress());
        org.imagesmith.wim.LocalTrees.deleteContents(lost);
        long size = Files.size(wim);
        e = assertThrows(MountException.class, () -> mounts.commit(lost, false, (d, t) -> { }));
        assertEquals(MountException.PATH_NOT_FOUND, e.errorCode());
        assertTrue(e.getMessage().contains("Needs Remount"), e.getMessage());
        assertEquals(size, Files.size(wim), "an empty directory is not committed as an empty image");

        mounts.remount(lost, ApplyOptions.DEFAULT.progress());
        Wimlib.run("delete", wim.toString(), "1");
        e = assertThrows(MountException.class, () -> mounts.commit(lost, false, (d, t) -> { }));
        assertEquals(MountException.IMAGE_CHANGED, e.errorCode());
        assertTrue(e.getMessage().contains("was changed since image 2 was mounted"), e.getMessage());
        assertThrows(MountException.class, () -> mounts.commit(dir.resolve("src1"), false, (d, t) -> { }),
                "a directory that is not a mount point");
    }

    @Test
    void aSolidWimIsMountedReadOnlyOnly() throws IOException {
        Path solid = dir.resolve("install.esd");
        Wimlib.capture(dir.resolve("src1"), solid, "Solid", "", "--solid");
        MountedImages mounts = new MountedImages(store);
        Path mount = emptyDir("esd");
        MountException e = assertThrows(MountException.class,
                () -> mounts.mount(solid, 1, mount, false, ApplyOptions.DEFAULT.progress()));
        assertEquals(MountException.NOT_SUPPORTED, e.errorCode());
        assertTrue(e.getMessage().contains("solid") && e.getMessage().contains("/ReadOnly"), e.getMessage());
        assertTrue(store.records().isEmpty());
        try (Stream<Path> left = Files.list(mount)) {
            assertEquals(0, left.count(), "nothing was applied");
        }
        mounts.mount(solid, 1, mount, true, ApplyOptions.DEFAULT.progress());
        assertEquals(MountStatus.OK, mounts.status(mounts.record(mount)));
    }

    /** Mounts image 1 read/write and changes it: a file added, one deleted. */
    private Path changedMount(MountedImages mounts) throws IOException {
        Path mount = emptyDir("changed");
        mounts.mount(wim, 1, mount, false, ApplyOptions.DEFAULT.progress());
        Files.writeString(mount.resolve("Windows/added.txt"), "a change");
        Files.delete(mount.resolve("Windows/variant.txt"));
        return mount;
    }

    /** Commits as the engine does and is killed right after the rename: the record still says committing. */
    private void commitAndDieAfterRename(Path mount, MountPhase phase) throws IOException {
        MountRecord record = store.find(mount).orElseThrow();
        ImageCommit.commitAndReport(wim, 1, mount, ImageMetadata.parse(store.metadata(mount)), false, (done, total) -> { },
                hash -> store.update(record.inPhase(phase, hash.toString())));
    }

    @Test
    void anUnmountKilledAfterItsCommitOnlyFinishesAndNeverCommitsThePartialDirectory() throws IOException {
        MountedImages mounts = new MountedImages(store);
        Path mount = changedMount(mounts);
        Map<String, String> committed = tree(mount);
        commitAndDieAfterRename(mount, MountPhase.UNMOUNT_COMMITTING);
        assertEquals(MountStatus.UNMOUNT_PENDING, mounts.status(mounts.record(mount)),
                "the file holds the committed image: the commit is done, the unmount is not");
        Files.delete(mount.resolve("Windows/added.txt"));
        Files.delete(mount.resolve("Windows/System32/license.txt"));

        assertEquals(MountException.UNMOUNT_PENDING, assertThrows(MountException.class,
                () -> mounts.commit(mount, false, (d, t) -> { })).errorCode());
        assertEquals(MountException.UNMOUNT_PENDING, assertThrows(MountException.class,
                () -> mounts.remount(mount, ApplyOptions.DEFAULT.progress())).errorCode());
        assertEquals(Optional.empty(), mounts.unmountCommitting(mount, false, (d, t) -> { }), "nothing is committed again");
        assertEquals(List.of(), store.records());
        try (Stream<Path> left = Files.list(mount)) {
            assertEquals(0, left.count(), "the directory is emptied");
        }
        Wimlib.verify(wim);
        Wimlib.apply(wim, 1, dir.resolve("applied"));
        assertEquals(committed, tree(dir.resolve("applied")), "the image holds every file of the commit");
    }

    @Test
    void aCommitKilledAfterItsRenameCountsAsDone() throws IOException {
        MountedImages mounts = new MountedImages(store);
        Path mount = changedMount(mounts);
        Path other = emptyDir("other");
        mounts.mount(wim, 2, other, false, ApplyOptions.DEFAULT.progress());
        commitAndDieAfterRename(mount, MountPhase.COMMITTING);
        assertEquals(MountStatus.OK, mounts.status(mounts.record(mount)), "not Invalid: the file holds its commit");
        assertEquals(MountStatus.OK, mounts.status(mounts.record(other)), "the other image is unchanged in the file");

        Files.writeString(mount.resolve("Windows/second.txt"), "a second change");
        mounts.commit(mount, false, (d, t) -> { });
        MountRecord record = mounts.record(mount);
        assertEquals(MountPhase.MOUNTED, record.phase());
        assertEquals(MountStatus.OK, mounts.status(record));
        assertImagesHold(mount, other);
    }

    @Test
    void aCommitKilledBeforeItsRenameLeavesTheMountAsItWas() throws IOException {
        MountedImages mounts = new MountedImages(store);
        Path mount = changedMount(mounts);
        String before = sha1(Files.readAllBytes(wim));
        store.update(mounts.record(mount).inPhase(MountPhase.UNMOUNT_COMMITTING, "0".repeat(40)));
        assertEquals(MountStatus.OK, mounts.status(mounts.record(mount)), "the old file is there: nothing was saved");
        assertEquals(before, sha1(Files.readAllBytes(wim)));
        assertTrue(mounts.unmountCommitting(mount, false, (d, t) -> { }).isPresent(), "the retry commits");
        Wimlib.verify(wim);
        assertTrue(Wimlib.run("dir", wim.toString(), "1").contains("/Windows/added.txt"));
    }

    @Test
    void aDiscardKilledMidwayIsFinishedAndNeverCommitted() throws IOException {
        MountedImages mounts = new MountedImages(store);
        Path mount = changedMount(mounts);
        String before = sha1(Files.readAllBytes(wim));
        store.update(mounts.record(mount).inPhase(MountPhase.UNMOUNT_DISCARDING, ""));
        Files.delete(mount.resolve("Windows/added.txt"));
        assertEquals(MountStatus.UNMOUNT_PENDING, mounts.status(mounts.record(mount)));
        MountException refused = assertThrows(MountException.class,
                () -> mounts.unmountCommitting(mount, false, (d, t) -> { }));
        assertEquals(MountException.UNMOUNT_PENDING, refused.errorCode());
        assertTrue(refused.getMessage().contains("/Discard"), refused.getMessage());
        assertEquals(List.of(store.find(mount).orElseThrow()), mounts.cleanup());
        assertEquals(List.of(), store.records());
        assertEquals(before, sha1(Files.readAllBytes(wim)));
    }

    @Test
    void aMountDirectoryThatIsTheHomeFolderOrALinkToItIsRefused() throws IOException {
        Path home = emptyDir("home");
        Path link = Files.createSymbolicLink(dir.resolve("link-to-home"), home);
        String saved = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        try {
            MountedImages mounts = new MountedImages(store);
            for (Path target : List.of(home, link, dir.resolve("link-to-home/../home"))) {
                MountException e = assertThrows(MountException.class,
                        () -> mounts.mount(wim, 1, target, true, ApplyOptions.DEFAULT.progress()));
                assertEquals(MountException.ACCESS_DENIED, e.errorCode());
                assertTrue(e.getMessage().contains("home folder"), e.getMessage());
            }
            Path root = Files.createSymbolicLink(dir.resolve("link-to-root"), Path.of("/"));
            MountException e = assertThrows(MountException.class,
                    () -> mounts.mount(wim, 1, root, true, ApplyOptions.DEFAULT.progress()));
            assertTrue(e.getMessage().contains("root of the file system"), e.getMessage());
        } finally {
            System.setProperty("user.home", saved);
        }
        try (Stream<Path> left = Files.list(home)) {
            assertEquals(0, left.count(), "nothing was written");
        }
        assertEquals(List.of(), store.records());
    }
}
