package org.imagesmith.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Another process (python3) that takes the fcntl record lock of a lock file, as the engine's writer lock does, writes
 * its holder line into it and keeps it until it is killed: a writer in another process, for tests of the lock.
 */
public final class ForeignLockHolder implements AutoCloseable {
    private static final String SCRIPT = "import fcntl, sys, time\n"
            + "f = open(sys.argv[1], 'r+')\n"
            + "fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB)\n"
            + "f.seek(0); f.truncate(); f.write(sys.argv[2] + ' on x\\n'); f.flush()\n"
            + "print('locked', flush=True)\n"
            + "time.sleep(300)\n";

    private final Process process;

    private ForeignLockHolder(Process process) {
        this.process = process;
    }

    /**
     * Starts the process and returns once it holds the lock.
     *
     * @param holder the line it writes ("process 4242 (/Unmount-Wim, since now)")
     */
    public static ForeignLockHolder hold(Path lockFile, String holder) throws IOException {
        Process process = new ProcessBuilder("python3", "-c", SCRIPT, lockFile.toString(), holder)
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String line = out.readLine();
        if (!"locked".equals(line)) {
            process.destroyForcibly();
            throw new IOException("the lock holder did not take the lock of " + lockFile + ": " + line);
        }
        return new ForeignLockHolder(process);
    }

    /** Kills the process (which releases its lock, as a kill of any writer does) and waits until it is gone. */
    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IOException("the lock holder did not end");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the lock holder ends", e);
        }
    }
}
