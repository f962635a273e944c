package org.imagesmith.cab;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Bounds-checked positional reads from one cabinet file; every failure names the file, the structure and the offset. */
final class CabinetSource implements Closeable {
    private final Path path;
    private final FileChannel channel;
    private final long size;

    private CabinetSource(Path path, FileChannel channel, long size) {
        this.path = path;
        this.channel = channel;
        this.size = size;
    }

    static CabinetSource open(Path path) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            return new CabinetSource(path, channel, channel.size());
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    Path path() {
        return path;
    }

    String name() {
        Path fileName = path.getFileName();
        return fileName == null ? path.toString() : fileName.toString();
    }

    long size() {
        return size;
    }

    /** Reads exactly {@code length} bytes at {@code position}, or fails saying that {@code what} is truncated. */
    byte[] read(long position, int length, String what) throws IOException {
        if (position < 0 || length < 0 || position > size || length > size - position) {
            throw new CabinetFormatException("cabinet '" + name() + "' is truncated: " + what + " at offset 0x"
                    + Long.toHexString(position) + " needs " + length + " bytes but the file has " + size + " bytes");
        }
        byte[] bytes = new byte[length];
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, position + buffer.position());
            if (read < 0) {
                throw new CabinetFormatException("cabinet '" + name() + "' shrank while being read (" + what
                        + " at offset 0x" + Long.toHexString(position) + ")");
            }
        }
        return bytes;
    }

    /**
     * Reads a NUL-terminated string of at most {@code maxBytes} bytes (without the NUL) at {@code position}.
     *
     * @return the raw bytes of the string; the caller decodes them
     */
    byte[] readZeroTerminated(long position, int maxBytes, String what) throws IOException {
        long available = Math.max(0, size - position);
        int length = (int) Math.min(available, maxBytes + 1L);
        byte[] window = read(position, length, what);
        for (int i = 0; i < window.length; i++) {
            if (window[i] == 0) {
                byte[] string = new byte[i];
                System.arraycopy(window, 0, string, 0, i);
                return string;
            }
        }
        if (window.length <= maxBytes) {
            throw new CabinetFormatException("cabinet '" + name() + "' is truncated: " + what + " at offset 0x"
                    + Long.toHexString(position) + " has no terminating NUL before the end of the file");
        }
        throw new CabinetFormatException("cabinet '" + name() + "' is damaged: " + what + " at offset 0x"
                + Long.toHexString(position) + " is longer than " + maxBytes + " bytes");
    }

    static String ascii(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
