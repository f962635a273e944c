package org.imagesmith.wim;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Writes a WIM file: streams stored once per SHA-1 digest (across images), images (metadata resource and XML
 * description), then the lookup table, the XML data, optionally the integrity table, and last the header.
 * <p>
 * A new file is written to a temporary file in the target's folder, flushed to disk and renamed over the target,
 * so the target is either its old self or complete. An append writes after everything the old header points at,
 * flushes, and only then rewrites the 208-byte header in one write: until that moment the old header, lookup table
 * and XML data are untouched and the file opens as before; a failure reported to the writer also cuts the file
 * back to its old length. Not thread-safe; close it (after {@link #commit()}, or to abandon the write).
 * <p>
 * Every writer holds the {@link WriterLock} of its target from the moment it is opened until it is closed: the
 * public factories take it (and fail at once with {@link WriterLock.TargetLockedException} when another writer holds
 * it), writers opened for a caller that holds the lock already (a commit, an in-place change) leave it to the caller.
 * The file is read only once the lock is held, so no other writer's change can be lost. Readers never take it: they
 * see the old file until the rename, or the old header until the new one is written.
 */
public final class WimWriter implements AutoCloseable {
    /** The chunk size of compressed resources this writer writes (Windows' default). */
    public static final int CHUNK_SIZE = 32768;
    /** The integrity table digests the file in chunks of this size, as wimlib and Windows do. */

    /** The stage at which a new file is complete on disk, before it is renamed over the old one. */
    static final String STAGE_BEFORE_RENAME = "header";

    /** Receives the stage a write has reached ("data", "tables"), so tests can interrupt it there. */
    @FunctionalInterface
    interface Checkpoint {
        void reached(String stage) throws IOException;
    }

    private static final class StoredStream {
        final ResourceHeader resource;
        long references;

        StoredStream(ResourceHeader resource, long references) {
            this.resource = resource;
            this.references = references;
        }
    }

    private record StoredImage(ResourceHeader metadata, Sha1Digest hash, ImageXml xml, String name) {
    }

    private final Path target;
    private final Path file;
    /** The lock this writer took and releases on close; null when the caller holds the target's lock. */
    private final WriterLock lock;
    private final boolean inPlace;
    private final long originalSize;
    private final FileChannel channel;
    private final WimHeader base;
    /** Header flags the images added set (FLAG_RP_FIX). */
    private int addedFlags;
    private final CompressionType compression;
    private final int chunkSize;
    private final boolean integrity;
    private final ResourceEncoder encoder;
    /** The digests of the streams stored or being prepared, once files are prepared ahead. */
    private Set<Sha1Digest> claimed;
    private final Map<Sha1Digest, StoredStream> streams = new LinkedHashMap<>();
    private final Set<Long> storedSizes = new HashSet<>();
    private final List<StoredImage> images = new ArrayList<>();
    private final byte[] buffer = new byte[1 << 16];
    private int bootIndex;
    private long position;
    /** The file a commit rewrites: its streams are copied as stored when the new image has the same data. */
    private WimFile source;
    private final Set<Long> sourceSizes = new HashSet<>();
    private long encodedStreams;
    private long encodedBytes;
    private long copiedStreams;
    private Checkpoint checkpoint = stage -> { };
    private boolean committed;
    private boolean closed;

    private WimWriter(Path target, Path file, WriterLock lock, boolean inPlace, FileChannel channel, WimHeader base,
            boolean integrity) throws IOException {
        this.target = target;
        this.file = file;
        this.lock = lock;
        this.inPlace = inPlace;
        this.channel = channel;
        this.originalSize = channel.size();
        this.base = base;
        this.compression = base.compressionType();
        this.chunkSize = compression == CompressionType.NONE || base.chunkSize() == 0 ? CHUNK_SIZE : base.chunkSize();
        this.integrity = integrity;
        this.bootIndex = base.bootIndex();
        this.position = WimHeader.SIZE;
        this.encoder = new ResourceEncoder(compression, chunkSize, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Starts a new WIM file that will replace {@code target} (if any) on {@link #commit()}.
     *
     * @param compression NONE, XPRESS or LZX
     * @param integrity whether to write an integrity table
     */
    public static WimWriter create(Path target, CompressionType compression, boolean integrity) throws IOException {
        if (compression == CompressionType.LZMS) {
            throw new IllegalArgumentException("writing LZMS-compressed WIM files is not supported; choose XPRESS,"
                    + " LZX or no compression");
        }
        byte[] guid = new byte[16];
        new SecureRandom().nextBytes(guid);
        WimHeader header = new WimHeader(WimHeader.VERSION_DEFAULT, compressionFlags(compression),
                compression == CompressionType.NONE ? 0 : CHUNK_SIZE, HexFormat.of().formatHex(guid), 1, 1, 0,
                empty(), empty(), empty(), 0, empty());
        WriterLock lock = WriterLock.acquire(target, "writing the WIM file");
        try {
            return createLike(target, header, integrity, lock);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * As {@link #create}, for a file that must not exist yet: checked once the file's lock is held, so that of two
     * commands creating the same file, the second never replaces the first one's file.
     *
     * @throws FileAlreadyExistsException when the file exists
     */
    public static WimWriter createNew(Path target, CompressionType compression, boolean integrity)
            throws IOException {
        WimWriter writer = create(target, compression, integrity);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            writer.close();
            throw new FileAlreadyExistsException(target.toString(), null, "the file exists");
        }
        return writer;
    }

    /** A writer of a new file that replaces {@code target}; {@code lock} is released on close (null: the caller's). */
    static WimWriter createLike(Path target, WimHeader header, boolean integrity, WriterLock lock)
            throws IOException {
        Path absolute = target.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new FileAlreadyExistsException(absolute.toString(), null, "a directory has this name");
        }
        Path temp = TemporaryFiles.beside(absolute);
        FileChannel channel = null;
        try {
            keepPermissions(absolute, temp);
            channel = FileChannel.open(temp, StandardOpenOption.READ, StandardOpenOption.WRITE);
            return new WimWriter(absolute, temp, lock, false, channel, header, integrity);
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            Files.deleteIfExists(temp);
            TemporaryFiles.done(temp);
            throw e;
        }
    }

    /** Gives a new file that replaces an existing one the old file's POSIX permissions. */
    private static void keepPermissions(Path existing, Path temp) throws IOException {
        if (!Files.exists(existing)) {
            return;
        }
        PosixFileAttributeView view = Files.getFileAttributeView(existing, PosixFileAttributeView.class);
        if (view != null) {
            Files.setPosixFilePermissions(temp, view.readAttributes().permissions());
        }
    }

    /**
     * Starts rewriting a WIM file (same compression, chunk size, GUID and boot index) that replaces it on
     * {@link #commit()}: streams of {@code source} that the new file needs are copied as stored, not compressed
     * again. The caller adds the images in their order and keeps {@code source} open until the writer is closed;
     * it holds the file's {@link WriterLock}, taken before {@code source} was opened.
     *
     * @throws WimFormatException when the file is not a WIM file this writer can rewrite (split, solid, LZMS)
     */
    static WimWriter rewrite(WimFile source, boolean integrity, String action) throws IOException {
        checkWritable(source, action);
        WimWriter writer = createLike(source.path(), source.header(), integrity, null);
        try {
            writer.source = source;
            for (LookupEntry entry : source.lookupTable().entries()) {
                if (!entry.isMetadata()) {
                    writer.sourceSizes.add(entry.size());
                }
            }
            return writer;
        } catch (IOException | RuntimeException e) {
            writer.close();
            throw e;
        }
    }

    /**
     * Opens an existing WIM file to add images to it in place; its compression, chunk size, GUID and boot index are
     * kept. The writer holds the file's {@link WriterLock} until it is closed, so what the caller checks of the file
     * (its mounts) once this returns stays true until then.
     *
     * @param integrity whether the file will have an integrity table
     * @throws WriterLock.TargetLockedException when another writer is changing the file
     * @throws WimFormatException when the file is not a WIM file this writer can add to (split, solid, LZMS)
     */
    public static WimWriter append(Path existing, boolean integrity) throws IOException {
        WriterLock lock = WriterLock.acquire(existing, "adding an image");
        try {
            return append(existing, integrity, lock);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** As {@link #append(Path, boolean)}; {@code lock} is released on close (null: the caller holds the lock). */
    private static WimWriter append(Path existing, boolean integrity, WriterLock lock) throws IOException {
        WimHeader header;
        List<LookupEntry> entries;
        List<ImageXml> xml;
        List<String> names = new ArrayList<>();
        try (WimFile wim = WimFile.open(existing)) {
            header = wim.header();
            checkWritable(wim, "add images to");
            entries = wim.lookupTable().entries();
            xml = ImageXml.readAll(rawXml(wim), header.imageCount());
            for (int i = 1; i <= header.imageCount(); i++) {
                names.add(wim.image(i).name());
            }
        }
        FileChannel channel = FileChannel.open(existing, StandardOpenOption.READ, StandardOpenOption.WRITE);
        WimWriter writer;
        try {
            writer = new WimWriter(existing.toAbsolutePath(), existing, lock, true, channel, header, integrity);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        try {
            writer.seed(header, entries, xml, names);
            return writer;
        } catch (IOException | RuntimeException e) {
            writer.close();
            throw e;
        }
    }

    /** Takes over the streams and images of the file being appended to; new data goes after all of it. */
    private void seed(WimHeader header, List<LookupEntry> entries, List<ImageXml> xml, List<String> names)
            throws WimFormatException {
        long end = WimHeader.SIZE;
        for (ResourceHeader r : List.of(header.lookupTable(), header.xmlData(), header.integrityTable(),
                header.bootMetadata())) {
            end = Math.max(end, r.offset() + r.storedSize());
        }
        List<LookupEntry> metadata = new ArrayList<>();
        for (LookupEntry entry : entries) {
            end = Math.max(end, entry.resource().offset() + entry.resource().storedSize());
            if (entry.partNumber() != header.partNumber() || entry.hash().isZero() || entry.size() == 0) {
                continue;
            }
            if (entry.isMetadata()) {
                if (entry.referenceCount() != 0) {
                    metadata.add(entry);
                }
            } else if (!streams.containsKey(entry.hash())) {
                streams.put(entry.hash(), new StoredStream(entry.resource(), entry.referenceCount()));
                storedSizes.add(entry.size());
            }
        }
        if (metadata.size() != header.imageCount()) {
            throw new WimFormatException("the WIM file " + target + " has " + header.imageCount() + " images but "
                    + metadata.size() + " metadata resources in its lookup table; it is damaged");
        }
        for (int i = 0; i < metadata.size(); i++) {
            images.add(new StoredImage(metadata.get(i).resource(), metadata.get(i).hash(), xml.get(i), names.get(i)));
        }
        position = end;
    }

    /**
     * Refuses a WIM file this writer cannot rewrite or add to: a part of a split WIM, a solid (ESD) or an
     * LZMS-compressed file.
     *
     * @param action what cannot be done, for the message ("add images to")
     * @throws WimFormatException saying why, and that exporting its images to a new file is the way out
     */
    public static void checkWritable(WimFile wim, String action) throws WimFormatException {
        WimHeader header = wim.header();
        String problem = null;
        if (header.totalParts() != 1) {
            problem = "it is part " + header.partNumber() + " of a split WIM (" + header.totalParts() + " parts)";
        } else if (header.isSolid()) {
            problem = "it holds solid (ESD) resources";
        } else if (header.compressionType() == CompressionType.LZMS) {
            problem = "it is LZMS-compressed, which this engine reads but does not write";
        }
        if (problem != null) {
            throw new WimFormatException("cannot " + action + " " + wim.path() + ": " + problem
                    + "; export its images to a new XPRESS or LZX file first");
        }
    }

    static byte[] rawXml(WimFile wim) throws IOException {
        ResourceHeader xml = wim.header().xmlData();
        if (xml.isEmpty()) {
            return new byte[0];
        }
        try (FileChannel channel = FileChannel.open(wim.path(), StandardOpenOption.READ)) {
            if (xml.storedSize() > WimFile.MAX_XML_DATA_SIZE || xml.offset() + xml.storedSize() > channel.size()) {
                throw new WimFormatException("the XML data of " + wim.path() + " lies outside the file");
            }
            return WimFile.readFully(channel, xml.offset(), (int) xml.storedSize());
        }
    }

    /** The compression of the file being written. */
    public CompressionType compression() {
        return compression;
    }

    /** The number of images the file will have. */
    public int imageCount() {
        return images.size();
    }

    /** Makes an image (1-based) the boot image, or none with 0. */
    public void setBootIndex(int index) {
        if (index < 0 || index > images.size()) {
            throw new IllegalArgumentException("there is no image " + index + " to boot");
        }
        bootIndex = index;
    }

    /**
     * Sets one element of an image's XML description (1-based index): NAME, DESCRIPTION, FLAGS (the EDITIONID
     * Windows Setup picks an image by), DISPLAYNAME, ... A new NAME must not be another image's name.
     *
     * @throws IllegalArgumentException when there is no such image or the name is taken
     */
    public void setImageElement(int index, String tag, String text) {
        if (index < 1 || index > images.size()) {
            throw new IllegalArgumentException("there is no image " + index + " in the WIM file");
        }
        StoredImage image = images.get(index - 1);
        String name = image.name();
        if (tag.equals("NAME")) {
            if (!text.equalsIgnoreCase(name)) {
                checkNewName(text);
            }
            name = text;
        }
        images.set(index - 1, new StoredImage(image.metadata(), image.hash(), image.xml().with(tag, text), name));
    }

    void checkpoint(Checkpoint newCheckpoint) {
        this.checkpoint = newCheckpoint;
    }

    /**
     * Marks the file as holding images captured with reparse point fixups (the header's FLAG_RP_FIX), so that
     * appliers point the links marked fixed into the directory they apply to.
     */
    void markReparsePointFixup() {
        addedFlags |= WimHeader.FLAG_RP_FIX;
    }

    /**
     * Describes the image added last as the Windows installation it holds: the WINDOWS element of its XML data
     * (architecture, product, edition, languages, version, system root), which Windows Setup and WDS pick images by.
     *
     * @throws IllegalStateException when no image was added yet
     */
    public void describeWindows(WindowsInfo windows) {
        if (images.isEmpty()) {
            throw new IllegalStateException("no image was added to describe");
        }
        StoredImage last = images.get(images.size() - 1);
        images.set(images.size() - 1, new StoredImage(last.metadata(), last.hash(), last.xml().withWindows(windows),
                last.name()));
    }

    /** Refuses a name another image of the file already has (names compare ignoring case, as in Windows). */
    public void checkNewName(String name) {
        for (StoredImage image : images) {
            if (!name.isEmpty() && image.name().equalsIgnoreCase(name)) {
                throw new IllegalArgumentException("the WIM file already has an image named \"" + name
                        + "\"; give the new image another name");
            }
        }
    }

    /**
     * Stores the data of a file of {@code size} bytes unless a stream with the same data is stored already, and
     * returns its digest (all zero for an empty file, which is not stored). References are counted by the images
     * that use the stream.
     *
     * @throws IOException when the file cannot be read or changes size while it is read
     */
    Sha1Digest storeFile(Path path, long size) throws IOException {
        return storeFile(path, size, true);
    }

    /**
     * Stores a file like {@link #storeFile(Path, long)}; with {@code compress} false a new stream is stored as an
     * uncompressed resource (a stream with the same data that is stored already is shared as it is).
     */
    Sha1Digest storeFile(Path path, long size, boolean compress) throws IOException {
        if (size == 0) {
            return Sha1Digest.ZERO;
        }
        if (storedSizes.contains(size) || sourceSizes.contains(size)) {
            // a stream of this size is stored: hash first, so that a duplicate is not compressed for nothing
            Sha1Digest hash = hashFile(path, size);
            if (streams.containsKey(hash) || copyFromSource(hash)) {
                return hash;
            }
        }
        try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
            encoder.begin(channel, position, size, compress);
            for (int n; (n = in.read(buffer)) > 0;) {
                encoder.write(buffer, 0, n);
            }
            return keep(encoder.finish(0));
        }
    }

    /** Copies a stream of the file being rewritten into this one, as stored; false when it has no such stream. */
    private boolean copyFromSource(Sha1Digest hash) throws IOException {
        if (source == null) {
            return false;
        }
        Optional<LookupEntry> entry = source.lookupTable().find(hash);
        if (entry.isEmpty() || entry.get().isMetadata()) {
            return false;
        }
        copyStream(source, entry.get());
        return true;
    }

    /**
     * Makes sure a stream an entry refers to (an alternate data stream or reparse data kept from the image's
     * original metadata) is in this file, copying it from the file being rewritten.
     *
     * @throws WimFormatException when neither file holds it
     */
    void keepStream(Sha1Digest hash, String path) throws IOException {
        if (hash.isZero() || streams.containsKey(hash) || copyFromSource(hash)) {
            return;
        }
        throw new WimFormatException("the entry " + path + " of the image refers to the stream " + hash + ", which "
                + (source == null ? "was not stored" : "the lookup table of " + source.path() + " does not list")
                + "; the WIM file is damaged");
    }

    private Sha1Digest hashFile(Path path, long size) throws IOException {
        MessageDigest sha1 = ResourceEncoder.sha1();
        long total = 0;
        try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
            for (int n; (n = in.read(buffer)) > 0;) {
                sha1.update(buffer, 0, n);
                total += n;
            }
        }
        if (total != size) {
            throw new IOException("the file " + path + " changed while it was read (" + total + " bytes instead of "
                    + size + ")");
        }
        return Sha1Digest.of(sha1.digest());
    }

    /**
     * Starts reading, hashing and compressing a file (up to {@link ResourceEncoder#PREPARE_LIMIT}) on another
     * thread, for {@link #storePrepared}; empty when this writer does not (one processor, no compression, a larger
     * file).
     */
    Optional<Future<ResourceEncoder.Prepared>> prepareFile(Path path, long size, boolean compress)
            throws IOException {
        if (!encoder.canPrepare(size)) {
            return Optional.empty();
        }
        if (claimed == null) {
            claimed = ConcurrentHashMap.newKeySet();
            claimed.addAll(streams.keySet());
        }
        // what the file being rewritten holds is copied as stored, and a duplicate is not compressed again
        LookupTable sourceTable = source == null ? null : source.lookupTable();
        Set<Sha1Digest> taken = claimed;
        return Optional.of(encoder.prepare(path, size, compress,
                hash -> (sourceTable != null && sourceTable.find(hash).filter(e -> !e.isMetadata()).isPresent())
                        || !taken.add(hash)));
    }

    /**
     * Stores a file prepared by {@link #prepareFile} like {@link #storeFile}, and returns its digest; a file whose
     * duplicate was prepared but is stored later is read again.
     */
    Sha1Digest storePrepared(Future<ResourceEncoder.Prepared> pending, Path path, long size, boolean compress)
            throws IOException {
        ResourceEncoder.Prepared prepared;
        try {
            prepared = pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading the files to capture");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("reading a file to capture failed: " + e.getCause(), e.getCause());
        }
        Sha1Digest hash = prepared.hash();
        if (streams.containsKey(hash) || copyFromSource(hash)) {
            return hash;
        }
        if (prepared.data() == null) {
            return storeFile(path, size, compress);
        }
        return keep(encoder.write(channel, position, prepared, 0));
    }

    /** Stores bytes (reparse data, small streams) like {@link #storeFile}. */
    Sha1Digest storeBytes(byte[] data) throws IOException {
        if (data.length == 0) {
            return Sha1Digest.ZERO;
        }
        Sha1Digest hash = Sha1Digest.of(ResourceEncoder.sha1().digest(data));
        if (streams.containsKey(hash)) {
            return hash;
        }
        encoder.begin(channel, position, data.length);
        encoder.write(data, 0, data.length);
        return keep(encoder.finish(0));
    }

    /** Keeps a stream just written, or forgets it (its space is reused) when the same data is stored already. */
    private Sha1Digest keep(ResourceEncoder.Written written) {
        if (!streams.containsKey(written.hash())) {
            streams.put(written.hash(), new StoredStream(written.resource(), 0));
            storedSizes.add(written.resource().originalSize());
            position += written.resource().storedSize();
            encodedStreams++;
            encodedBytes += written.resource().originalSize();
        }
        return written.hash();
    }

    /** The uncompressed size of a stored stream. */
    long streamSize(Sha1Digest hash) {
        StoredStream stream = streams.get(hash);
        return stream == null ? 0 : stream.resource.originalSize();
    }

    /** The digests of the streams a directory entry refers to, as reference counts count them. */
    static List<Sha1Digest> references(Dentry dentry) {
        List<Sha1Digest> result = new ArrayList<>(1 + dentry.streams().size());
        if (!dentry.defaultHash().isZero()) {
            result.add(dentry.defaultHash());
        }
        for (StreamEntry stream : dentry.streams()) {
            if (!stream.hash().isZero()) {
                result.add(stream.hash());
            }
        }
        return result;
    }

    /**
     * Adds an image whose streams are stored: serializes and writes its metadata resource and counts its
     * references.
     */
    void addImage(Dentry root, List<byte[]> securityDescriptors, String name, String description)
            throws IOException {
        checkNewName(name);
        ImageStatistics statistics = ImageStatistics.of(root, this::streamSize);
        writeImage(root, securityDescriptors, ImageXml.captured(name, description, statistics, Instant.now()), name);
    }

    /**
     * Adds an image whose streams are stored, keeping the XML description of the image it replaces (its name,
     * description, WINDOWS block) with the counts and last modification time brought up to date.
     */
    void addImage(Dentry root, List<byte[]> securityDescriptors, ImageXml replaced, String name) throws IOException {
        ImageStatistics statistics = ImageStatistics.of(root, this::streamSize);
        writeImage(root, securityDescriptors, replaced.updated(statistics, Instant.now()), name);
    }

    private void writeImage(Dentry root, List<byte[]> securityDescriptors, ImageXml xml, String name)
            throws IOException {
        images.add(storeImage(root, securityDescriptors, xml, name));
    }

    private StoredImage storeImage(Dentry root, List<byte[]> securityDescriptors, ImageXml xml, String name)
            throws IOException {
        byte[] metadata = MetadataResourceWriter.write(securityDescriptors, root);
        ResourceEncoder.Written written = encode(metadata, ResourceHeader.FLAG_METADATA);
        position += written.resource().storedSize();
        reference(ImageMetadata.parse(metadata));
        return new StoredImage(written.resource(), written.hash(), xml, name);
    }

    /**
     * Opens a WIM file to replace one of its images in place ({@link StagedImage}): new data and the new metadata
     * go after everything the file holds, and only the header, rewritten last, makes them the file's content; until
     * then the file opens with its old images. Reference counts are counted again from the images' metadata, so a
     * stream only the replaced image used leaves the lookup table (its bytes stay, unused, until the file is
     * exported).
     *
     * @throws WimFormatException when the file is not one this writer can add to (split, solid, LZMS) or is damaged
     */
    static WimWriter replaceInPlace(Path existing, int index, boolean integrity) throws IOException {
        WimWriter writer = append(existing, integrity, null);
        try (WimFile wim = WimFile.open(existing)) {
            if (index < 1 || index > writer.images.size()) {
                throw new IllegalArgumentException(wim.noSuchImage("index " + index));
            }
            writer.streams.values().forEach(stream -> stream.references = 0);
            for (int i = 1; i <= writer.images.size(); i++) {
                if (i != index) {
                    writer.reference(ImageMetadata.parse(wim.readMetadataResource(i)));
                }
            }
            return writer;
        } catch (IOException | RuntimeException e) {
            writer.close();
            throw e;
        }
    }

    /**
     * Replaces image {@code index} (opened with {@link #replaceInPlace}) by a tree whose streams are stored, keeping
     * its XML description (name, description, WINDOWS block) with the counts and modification time brought up to
     * date.
     */
    void replaceImage(int index, Dentry root, List<byte[]> securityDescriptors) throws IOException {
        StoredImage replaced = images.get(index - 1);
        ImageStatistics statistics = ImageStatistics.of(root, this::streamSize);
        images.set(index - 1, storeImage(root, securityDescriptors, replaced.xml().updated(statistics, Instant.now()),
                replaced.name()));
    }

    /** Whether the file being written has an integrity table now. */
    static boolean hasIntegrityTable(WimFile wim) {
        return !wim.header().integrityTable().isEmpty();
    }

    private ResourceEncoder.Written encode(byte[] data, int flags) throws IOException {
        encoder.begin(channel, position, data.length);
        encoder.write(data, 0, data.length);
        return encoder.finish(flags);
    }

    private void reference(ImageMetadata metadata) throws WimFormatException {
        for (Dentry dentry : metadata.entries()) {
            for (Sha1Digest hash : references(dentry)) {
                StoredStream stream = streams.get(hash);
                if (stream == null) {
                    throw new WimFormatException("the image refers to the stream " + hash + " (" + dentry.path()
                            + "), which the WIM file does not hold");
                }
                stream.references++;
            }
        }
    }

    /** True when this file holds (or will hold) the stream with this digest. */
    boolean holdsStream(Sha1Digest hash) {
        return streams.containsKey(hash);
    }

    /**
     * Stores an image's metadata resource read from {@code source}: copied as stored when it can be, else
     * {@code metadata} (its uncompressed bytes) compressed again. Returns its resource header in this file.
     */
    ResourceHeader copyMetadataResource(WimFile source, LookupEntry metadataEntry, byte[] metadata)
            throws IOException {
        if (canCopyRaw(source, metadataEntry)) {
            return copyRaw(source.partOf(metadataEntry).channel(), metadataEntry.resource());
        }
        ResourceHeader resource = encode(metadata, ResourceHeader.FLAG_METADATA).resource();
        position += resource.storedSize();
        return resource;
    }

    /**
     * Adds an image whose metadata resource and streams this file holds already (copied from another WIM file):
     * counts the references of its streams, records its XML description and name, and sets the header flags it
     * brings ({@link WimHeader#FLAG_RP_FIX}).
     *
     * @throws WimFormatException when the image refers to a stream this file does not hold
     */
    void addCopiedImage(ResourceHeader metadata, Sha1Digest hash, ImageMetadata parsed, ImageXml xml, String name,
            int headerFlags) throws WimFormatException {
        reference(parsed);
        images.add(new StoredImage(metadata, hash, xml, name));
        addedFlags |= headerFlags;
    }

    private boolean canCopyRaw(WimFile source, LookupEntry entry) {
        ResourceHeader r = entry.resource();
        if (entry.isInSolidResource() || r.isSolid()) {
            return false;
        }
        if (!r.isCompressed()) {
            return true;
        }
        int sourceChunk = source.header().chunkSize() == 0 ? CHUNK_SIZE : source.header().chunkSize();
        return source.header().compressionType() == compression && sourceChunk == chunkSize;
    }

    /** Stores a stream of {@code source}: copied as stored when it can be, else decompressed and compressed again. */
    void copyStream(WimFile source, LookupEntry entry) throws IOException {
        if (canCopyRaw(source, entry)) {
            ResourceHeader copied = copyRaw(source.partOf(entry).channel(), entry.resource());
            streams.put(entry.hash(), new StoredStream(copied, 0));
            storedSizes.add(entry.size());
            copiedStreams++;
            return;
        }
        encoder.begin(channel, position, entry.size());
        source.resourceReader().transferTo(entry, new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                encoder.write(b, off, len);
            }
        });
        keep(encoder.finish(0));
    }

    /** Copies a resource's stored bytes to the end of this file; returns its header there. */
    private ResourceHeader copyRaw(FileChannel sourceChannel, ResourceHeader resource) throws IOException {
        ResourceHeader copied = copyRaw(sourceChannel, resource, channel, position);
        position += resource.storedSize();
        return copied;
    }

    /** Copies a resource's stored bytes to {@code position} of {@code target}; returns its header there. */
    static ResourceHeader copyRaw(FileChannel sourceChannel, ResourceHeader resource, FileChannel target,
            long position) throws IOException {
        ChunkTable.checkInFile(resource, sourceChannel.size());
        long done = 0;
        while (done < resource.storedSize()) {
            long n = sourceChannel.transferTo(resource.offset() + done, resource.storedSize() - done,
                    target.position(position + done));
            if (n <= 0) {
                throw new WimFormatException("the resource at offset " + resource.offset() + " ends past the end of"
                        + " its file");
            }
            done += n;
        }
        return new ResourceHeader(resource.storedSize(), resource.flags(), position, resource.originalSize());
    }

    /**
     * Writes the lookup table, XML data, integrity table and header, flushes everything to disk and puts the file
     * in place.
     */
    public void commit() throws IOException {
        if (committed || closed) {
            throw new IllegalStateException("the WIM file was already committed or closed");
        }
        reach("data");
        List<ResourceHeader> metadataResources = new ArrayList<>();
        ByteBuffer table = ByteBuffer.allocate((images.size() + streams.size()) * LookupEntry.SIZE)
                .order(ByteOrder.LITTLE_ENDIAN);
        for (StoredImage image : images) {
            LookupEntry.write(table, image.metadata(), 1, 1, image.hash());
            metadataResources.add(image.metadata());
        }
        for (Map.Entry<Sha1Digest, StoredStream> stream : streams.entrySet()) {
            if (stream.getValue().references > 0) {
                LookupEntry.write(table, stream.getValue().resource, 1, stream.getValue().references, stream.getKey());
            }
        }
        table.flip();
        ResourceHeader lookupTable = new ResourceHeader(table.remaining(), ResourceHeader.FLAG_METADATA, position,
                table.remaining());
        ResourceEncoder.writeFully(channel, position, table);
        position += lookupTable.storedSize();

        byte[] xml = ImageXml.document(position, images.stream().map(StoredImage::xml).toList());
        ResourceHeader xmlData = new ResourceHeader(xml.length, ResourceHeader.FLAG_METADATA, position, xml.length);
        ResourceEncoder.writeFully(channel, position, ByteBuffer.wrap(xml));
        position += xml.length;

        ResourceHeader integrityTable = empty();
        if (integrity) {
            byte[] digests = IntegrityTable.compute(channel, lookupTable.offset() + lookupTable.storedSize());
            integrityTable = new ResourceHeader(digests.length, 0, position, digests.length);
            ResourceEncoder.writeFully(channel, position, ByteBuffer.wrap(digests));
            position += digests.length;
        }
        channel.truncate(position);
        channel.force(true);
        reach("tables");

        int boot = bootIndex >= 1 && bootIndex <= images.size() ? bootIndex : 0;
        WimHeader header = new WimHeader(WimHeader.VERSION_DEFAULT,
                (base.flags() | addedFlags) & ~(WimHeader.FLAG_WRITE_IN_PROGRESS | WimHeader.FLAG_READONLY),
                base.chunkSize(),
                base.guid(), 1, 1, images.size(), lookupTable, xmlData,
                boot == 0 ? empty() : metadataResources.get(boot - 1), boot, integrityTable);
        ResourceEncoder.writeFully(channel, 0, ByteBuffer.wrap(header.toBytes()));
        channel.force(true);
        if (!inPlace) {
            reach(STAGE_BEFORE_RENAME);
        }
        committed = true;
        channel.close();
        if (!inPlace) {
            try {
                Files.move(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
            syncFolder(target.getParent());
            TemporaryFiles.done(file);
            PausePoints.reached("wim renamed");
        }
    }

    /** The digest of the metadata resource of the image added at this 0-based position. */
    Sha1Digest imageHash(int position) {
        return images.get(position).hash();
    }

    /** A stage of {@link #commit()}: the checkpoint of tests in this process, the pause point of fault tests. */
    private void reach(String stage) throws IOException {
        checkpoint.reached(stage);
        PausePoints.reached("wim " + stage);
    }

    private static int compressionFlags(CompressionType compression) {
        return switch (compression) {
            case NONE -> 0;
            case XPRESS -> WimHeader.FLAG_COMPRESSION | WimHeader.FLAG_COMPRESS_XPRESS;
            case LZX -> WimHeader.FLAG_COMPRESSION | WimHeader.FLAG_COMPRESS_LZX;
            case LZMS -> WimHeader.FLAG_COMPRESSION | WimHeader.FLAG_COMPRESS_LZMS;
        };
    }

    static ResourceHeader empty() {
        return new ResourceHeader(0, 0, 0, 0);
    }

    static void syncFolder(Path folder) {
        try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every platform can sync a folder; the rename itself is atomic
        }
    }

    /** Abandons the write unless it was committed: deletes the temporary file, or cuts an append back. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (WriterLock held = lock) {
            encoder.close();
            if (committed) {
                return;
            }
            try {
                if (inPlace) {
                    channel.truncate(originalSize);
                    channel.force(true);
                }
            } finally {
                channel.close();
                if (!inPlace) {
                    Files.deleteIfExists(file);
                    TemporaryFiles.done(file);
                }
            }
        }
    }

    /** The data streams compressed (or stored uncompressed) into this file, not copied as stored. */
    long encodedStreams() {
        return encodedStreams;
    }

    /** The uncompressed bytes of the streams {@link #encodedStreams()} counts. */
    long encodedBytes() {
        return encodedBytes;
    }

    /** The data streams copied as stored from another WIM file. */
    long copiedStreams() {
        return copiedStreams;
    }

    /** The streams and their reference counts, for tests. */
    Map<Sha1Digest, Long> referenceCounts() {
        Map<Sha1Digest, Long> counts = new HashMap<>();
        streams.forEach((hash, stream) -> counts.put(hash, stream.references));
        return counts;
    }
}
