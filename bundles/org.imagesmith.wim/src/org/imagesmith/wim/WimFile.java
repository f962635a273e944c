package org.imagesmith.wim;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * A WIM file opened for reading: its header and XML data. Open it with {@link #open(Path)} and close it when
 * done; the channel stays open for the readers of its resources.
 */
public final class WimFile implements AutoCloseable {
    /** XML data larger than this is refused rather than read into memory (real files hold a few hundred KiB). */
    static final long MAX_XML_DATA_SIZE = 64L << 20;
    /** Lookup tables larger than this are refused (1 GiB is about 21 million streams). */
    static final long MAX_LOOKUP_TABLE_SIZE = 1L << 30;

    private final Path path;
    private final FileChannel channel;
    private final WimHeader header;
    private final XmlData xmlData;
    private LookupTable lookupTable;
    private ResourceReader resourceReader;

    private WimFile(Path path, FileChannel channel, WimHeader header, XmlData xmlData) {
        this.path = path;
        this.channel = channel;
        this.header = header;
        this.xmlData = xmlData;
    }

    /**
     * Opens a WIM file and reads its header and XML data.
     *
     * @throws NoSuchFileException when there is no such file
     * @throws WimFormatException when the file is not a WIM file or its header or XML data is damaged
     */
    public static WimFile open(Path path) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            long fileSize = channel.size();
            WimHeader header = WimHeader.parse(readFully(channel, 0, (int) Math.min(fileSize, WimHeader.SIZE)));
            XmlData xmlData = readXmlData(channel, header, fileSize);
            return new WimFile(path, channel, header, xmlData);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
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
     * @throws WimFormatException when the lookup table is damaged
     */
    public synchronized LookupTable lookupTable() throws IOException {
        if (lookupTable == null) {
            ResourceHeader resource = header.lookupTable();
            if (resource.isEmpty()) {
                lookupTable = LookupTable.parse(new byte[0], header);
            } else {
                if (resource.originalSize() > MAX_LOOKUP_TABLE_SIZE) {
                    throw new WimFormatException("the WIM header gives the lookup table " + resource.originalSize()
                            + " bytes, more than this engine reads (" + MAX_LOOKUP_TABLE_SIZE + "); the header is damaged");
                }
                ResourceReader bootstrap = new ResourceReader(channel, channel.size(), header, path,
                        LookupTable.parse(new byte[0], header));
                lookupTable = LookupTable.parse(bootstrap.readResource(resource), header);
            }
        }
        return lookupTable;
    }

    /** The reader of this file's streams (one per file; not thread-safe). */
    public synchronized ResourceReader resourceReader() throws IOException {
        if (resourceReader == null) {
            resourceReader = new ResourceReader(channel, channel.size(), header, path, lookupTable());
        }
        return resourceReader;
    }

    /** A reader of this file's streams of its own, for a thread other than the one using {@link #resourceReader()}. */
    ResourceReader newResourceReader() throws IOException {
        return new ResourceReader(channel, channel.size(), header, path, lookupTable());
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
        if (index > metadata.size()) {
            throw new WimFormatException("the WIM file " + path + " has " + header.imageCount() + " images but its"
                    + " lookup table lists metadata resources for only " + metadata.size() + "; it is damaged");
        }
        return resourceReader().readStream(metadata.get(index - 1));
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
