package org.imagesmith.wim;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A WIM file opened for reading: its header and XML data. Open it with {@link #open(Path)} and close it when
 * done; the channel stays open for the readers of its resources. A split WIM opened with its other parts
 * ({@link SplitWimSet#open}) reads each stream from the part that holds it; its header and XML data are part 1's.
 */
public final class WimFile implements AutoCloseable {
    /** XML data larger than this is refused rather than read into memory (real files hold a few hundred KiB). */
    static final long MAX_XML_DATA_SIZE = 64L << 20;
    /** Lookup tables larger than this are refused (1 GiB is about 21 million streams). */
    static final long MAX_LOOKUP_TABLE_SIZE = 1L << 30;

    private final Path path;
    private final WimHeader header;
    /** This file first, then the other parts of its split WIM that were opened with it, in part order. */
    private final List<WimPart> parts;
    private final XmlData xmlData;
    private LookupTable lookupTable;
    private ResourceReader resourceReader;

    private WimFile(List<WimPart> parts, XmlData xmlData) {
        this.parts = List.copyOf(parts);
        this.path = parts.get(0).path();
        this.header = parts.get(0).header();
        this.xmlData = xmlData;
    }

    /**
     * Opens a WIM file and reads its header and XML data.
     *
     * @throws NoSuchFileException when there is no such file
     * @throws WimFormatException when the file is not a WIM file or its header or XML data is damaged
     */
    public static WimFile open(Path path) throws IOException {
        return open(WimPart.open(path), List.of());
    }

    /**
     * Makes a WIM file of an opened file and the other parts of its split WIM (checked by the caller); reads the
     * XML data of the first. Closes every part when it fails.
     */
    static WimFile open(WimPart first, List<WimPart> otherParts) throws IOException {
        List<WimPart> parts = new ArrayList<>();
        parts.add(first);
        parts.addAll(otherParts);
        try {
            return new WimFile(parts, readXmlData(first.channel(), first.header(), first.size()));
        } catch (IOException | RuntimeException e) {
            try {
                closeAll(parts);
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    private static void closeAll(List<WimPart> parts) throws IOException {
        IOException failure = null;
        for (WimPart part : parts) {
            try {
                part.channel().close();
            } catch (IOException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static XmlData readXmlData(FileChannel channel, WimHeader header, long fileSize) throws IOException {
        ResourceHeader xml = header.xmlData();
        if (xml.isEmpty()) {
            return new XmlData(0, java.util.List.of());
        }
        if (xml.isCompressed()) {
            throw new WimFormatException("the WIM file's XML data is marked compressed, which no WIM writer does;"
                    + " the header is damaged");
        }
        if (xml.storedSize() > MAX_XML_DATA_SIZE || xml.offset() < WimHeader.SIZE
                || xml.offset() + xml.storedSize() > fileSize) {
            throw new WimFormatException("the WIM header places the XML data at offset " + xml.offset() + " with "
                    + xml.storedSize() + " bytes, outside the file's " + fileSize + " bytes; the file is truncated or damaged");
        }
        return XmlData.parse(readFully(channel, xml.offset(), (int) xml.storedSize()));
    }

    static byte[] readFully(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position + buffer.position());
            if (n < 0) {
                break;
            }
        }
        if (buffer.hasRemaining()) {
            byte[] partial = new byte[buffer.position()];
            buffer.flip().get(partial);
            return partial;
        }
        return buffer.array();
    }

    public Path path() {
        return path;
    }

    public WimHeader header() {
        return header;
    }

    /** True when this file is one part of a split WIM (.swm). */
    public boolean isSplit() {
        return header.totalParts() > 1;
    }

    /** True when every part of its split WIM is open with this file (always, for a standalone WIM file). */
    public boolean hasAllParts() {
        return parts.size() >= Math.max(1, header.totalParts());
    }

    /** The files this WIM reads from: this file, then the other parts of its split WIM opened with it. */
    public List<Path> partPaths() {
        return parts.stream().map(WimPart::path).toList();
    }

    /** The open files, this one first. */
    List<WimPart> parts() {
        return parts;
    }

    /** The open file that holds a lookup table entry's resource. */
    WimPart partOf(LookupEntry entry) throws WimFormatException {
        return ResourceReader.partOf(parts, entry);
    }

    public XmlData xmlData() {
        return xmlData;
    }

    public int imageCount() {
        return header.imageCount();
    }

    /**
     * The XML description of the image with this 1-based index.
     *
     * @throws IllegalArgumentException when the file has no such image
     */
    public ImageInfo image(int index) {
        if (index < 1 || index > header.imageCount()) {
            throw new IllegalArgumentException(noSuchImage("index " + index));
        }
        return xmlData.image(index).orElseGet(() -> new ImageInfo(index, "", "", "", "", "", 0, 0, 0, 0,
                Optional.empty(), Optional.empty(), false, Optional.empty()));
    }

    /** The image with this name (names compare as Windows does, ignoring case). */
    public Optional<ImageInfo> imageNamed(String name) {
        return xmlData.images().stream().filter(i -> i.name().equalsIgnoreCase(name)).findFirst();
    }

    /** A message for an image reference that names no image of this file. */
    public String noSuchImage(String reference) {
        int count = header.imageCount();
        String holds = count == 0 ? "no image" : count == 1 ? "only image 1" : "images 1 to " + count;
        return "The WIM file " + path + " has no image with " + reference + "; it holds " + holds + ".";
    }

    /** True when the header's boot index names this image. */
    public boolean isBootable(int index) {
        return header.bootIndex() == index;
    }

    /**
     * The lookup table, read on first use.
     *
     * @throws WimFormatException when the lookup table is damaged or lists another number of images than the header
     */
    public synchronized LookupTable lookupTable() throws IOException {
        if (lookupTable == null) {
            List<LookupTable> tables = new ArrayList<>();
            for (WimPart part : parts) {
                tables.add(readLookupTable(part));
            }
            LookupTable table = tables.size() == 1 ? tables.get(0) : LookupTable.combine(tables);
            int images = table.metadataResources().size();
            if (header.partNumber() == 1 && images != header.imageCount()) {
                // wimlib refuses such a file too (WIMLIB_ERR_IMAGE_COUNT)
                throw new WimFormatException("the WIM header of " + path + " claims " + header.imageCount()
                        + " images, but its lookup table lists " + images + " metadata resources; the file is damaged");
            }
            lookupTable = table;
        }
        return lookupTable;
    }

    private static LookupTable readLookupTable(WimPart part) throws IOException {
        WimHeader partHeader = part.header();
        ResourceHeader resource = partHeader.lookupTable();
        if (resource.isEmpty()) {
            return LookupTable.parse(new byte[0], partHeader);
        }
        if (resource.originalSize() > MAX_LOOKUP_TABLE_SIZE) {
            throw new WimFormatException("the WIM header of " + part.path() + " gives the lookup table "
                    + resource.originalSize() + " bytes, more than this engine reads (" + MAX_LOOKUP_TABLE_SIZE
                    + "); the header is damaged");
        }
        ResourceReader bootstrap = new ResourceReader(List.of(part), LookupTable.parse(new byte[0], partHeader));
        return LookupTable.parse(bootstrap.readResource(resource), partHeader);
    }

    /** The reader of this file's streams (one per file; not thread-safe). */
    public synchronized ResourceReader resourceReader() throws IOException {
        if (resourceReader == null) {
            resourceReader = newResourceReader();
        }
        return resourceReader;
    }

    /** A reader of this file's streams of its own, for a thread other than the one using {@link #resourceReader()}. */
    ResourceReader newResourceReader() throws IOException {
        return new ResourceReader(parts, lookupTable());
    }

    /**
     * Reads the stream with this SHA-1 digest, checking the digest.
     *
     * @throws WimFormatException when the file has no such stream or its data is damaged
     */
    public byte[] readStream(Sha1Digest hash) throws IOException {
        LookupEntry entry = lookupTable().find(hash).orElseThrow(() -> new WimFormatException("the WIM file " + path
                + " has no stream with SHA-1 " + hash + " in its lookup table"));
        return resourceReader().readStream(entry);
    }

    /**
     * Reads the metadata resource of the image with this 1-based index (its directory tree and security data),
     * checking its SHA-1 digest.
     *
     * @throws IllegalArgumentException when the file has no such image
     * @throws WimFormatException when the lookup table lacks the image's metadata resource or it is damaged
     */
    public byte[] readMetadataResource(int index) throws IOException {
        if (index < 1 || index > header.imageCount()) {
            throw new IllegalArgumentException(noSuchImage("index " + index));
        }
        List<LookupEntry> metadata = lookupTable().metadataResources();
        if (metadata.isEmpty() && header.partNumber() > 1) {
            throw new WimFormatException("the file " + path + " is part " + header.partNumber() + " of a split WIM"
                    + " of " + header.totalParts() + " parts, which holds only file data; the images are read from"
                    + " part 1 (such as install.swm)");
        }
        if (index > metadata.size()) {
            throw new WimFormatException("the WIM file " + path + " has " + header.imageCount() + " images but its"
                    + " lookup table lists metadata resources for only " + metadata.size() + "; it is damaged");
        }
        return resourceReader().readStream(metadata.get(index - 1));
    }

    @Override
    public void close() throws IOException {
        closeAll(parts);
    }
}
