package org.imagesmith.ui;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Follows the servicing log file (the engine appends to it, as DISM to dism.log): hands each complete line
 * written after the follower was made to a consumer, while {@link #start() started} every quarter second and on
 * each {@link #pump()}.
 */
final class LogFollower implements AutoCloseable {
    private static final long PERIOD_MILLIS = 250;
    private static final int MAX_READ = 1 << 20;

    private final Path file;
    private final Consumer<String> lines;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private long offset;
    private ScheduledExecutorService timer;

    LogFollower(Path file, Consumer<String> lines) {
        this.file = file;
        this.lines = lines;
        try {
            offset = Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            offset = 0;
        }
    }

    /** Pumps every quarter second until {@link #close()}. */
    synchronized void start() {
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "Imagesmith servicing log follower");
                thread.setDaemon(true);
                return thread;
            });
            timer.scheduleWithFixedDelay(this::pump, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** Hands on the complete lines written since the last call. */
    synchronized void pump() {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < offset) {
                offset = 0; // the log was replaced: follow the new one from its start
                partial.reset();
            }
            while (offset < size) {
                ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(MAX_READ, size - offset));
                int read = channel.read(buffer, offset);
                if (read <= 0) {
                    break;
                }
                offset += read;
                for (int i = 0; i < read; i++) {
                    byte b = buffer.get(i);
                    if (b == '\n') {
                        lines.accept(partial.toString(StandardCharsets.UTF_8).stripTrailing());
                        partial.reset();
                    } else {
                        partial.write(b);
                    }
                }
            }
        } catch (NoSuchFileException e) {
            // not written yet
        } catch (IOException e) {
            lines.accept("(the log " + file + " cannot be read: " + e.getMessage() + ")");
        }
    }

    /** Stops the timer and hands on what is left. */
    @Override
    public void close() {
        ScheduledExecutorService stopping;
        synchronized (this) {
            stopping = timer;
            timer = null;
        }
        if (stopping != null) {
            stopping.shutdownNow();
            try {
                stopping.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        pump();
    }
}
