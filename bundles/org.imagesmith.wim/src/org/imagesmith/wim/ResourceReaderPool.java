package org.imagesmith.wim;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs tasks that read a WIM file's streams on worker threads, each thread with a {@link ResourceReader} of its own,
 * so that the decompression, digest checks and file system work of different files use every processor. Tasks wait
 * in a bounded queue; after the first failure the remaining tasks are dropped and {@link #finish} rethrows it. With
 * one thread the tasks run at once on the caller's thread.
 */
final class ResourceReaderPool implements AutoCloseable {
    private static final int QUEUE_PER_THREAD = 256;
    private static final Task END = reader -> {
    };

    /** Work that reads streams through the reader it is given. */
    @FunctionalInterface
    interface Task {
        void run(ResourceReader reader) throws IOException;
    }

    private final WimFile wim;
    private final List<Thread> threads = new ArrayList<>();
    private final BlockingQueue<Task> queue;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private ResourceReader inlineReader;
    private boolean finished;

    ResourceReaderPool(WimFile wim, int threadCount) {
        this.wim = wim;
        this.queue = new ArrayBlockingQueue<>(Math.max(1, threadCount) * QUEUE_PER_THREAD);
        if (threadCount > 1) {
            for (int i = 0; i < threadCount; i++) {
                Thread thread = new Thread(this::work, "wim-apply-" + (i + 1));
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            }
        }
    }

    /** Queues a task (or runs it, with one thread); throws the failure of an earlier task instead, if any. */
    void submit(Task task) throws IOException {
        rethrowFailure();
        if (threads.isEmpty()) {
            if (inlineReader == null) {
                inlineReader = wim.newResourceReader();
            }
            task.run(inlineReader);
            return;
        }
        try {
            queue.put(task);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while applying the image");
        }
    }

    /** Waits until every queued task has run, then throws the first failure, if any. */
    void finish() throws IOException {
        finished = true;
        try {
            for (int i = 0; i < threads.size(); i++) {
                queue.put(END);
            }
            for (Thread thread : threads) {
                thread.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.compareAndSet(null, new InterruptedIOException("interrupted while applying the image"));
            close();
        }
        rethrowFailure();
    }

    private void work() {
        ResourceReader reader;
        try {
            reader = wim.newResourceReader();
        } catch (IOException | RuntimeException e) {
            failure.compareAndSet(null, e);
            reader = null;
        }
        try {
            while (true) {
                Task task = queue.take();
                if (task == END) {
                    return;
                }
                if (reader == null || failure.get() != null) {
                    continue;
                }
                try {
                    task.run(reader);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }
        } catch (InterruptedException e) {
            failure.compareAndSet(null, new InterruptedIOException("interrupted while applying the image"));
        }
    }

    private void rethrowFailure() throws IOException {
        Throwable e = failure.get();
        if (e == null) {
            return;
        }
        if (e instanceof IOException io) {
            throw io;
        }
        if (e instanceof UncheckedIOException unchecked) {
            throw unchecked.getCause();
        }
        if (e instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (e instanceof Error error) {
            throw error;
        }
        throw new IOException("applying the image failed: " + e, e);
    }

    /** Stops the workers when {@link #finish} was not reached (an earlier failure): queued tasks are dropped. */
    @Override
    public void close() {
        if (!finished || Thread.currentThread().isInterrupted()) {
            failure.compareAndSet(null, new InterruptedIOException("the image was not applied to the end"));
            queue.clear();
            for (Thread thread : threads) {
                thread.interrupt();
            }
            for (Thread thread : threads) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
