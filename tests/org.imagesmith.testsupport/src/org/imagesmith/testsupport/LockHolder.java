package org.imagesmith.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Another process holding a writer's lock: python3 takes the same fcntl record lock on a lock file as Imagesmith's
 * WriterLock, writes the holder line a second writer is shown, and sleeps until {@link #close} kills it (which
 * releases the lock, as a crash would).
 */
public final class LockHolder implements AutoCloseable {
    private static final String SCRIPT = "import fcntl, sys, time\n"
            + "f = open(sys.argv[1], 'r+')\n"
            + "fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB)\n"
            + "f.seek(0); f.truncate(); f.write(sys.argv[2] + ' on x\\n'); f.flush()\n"
            + "print('locked', flush=True)\n"
            + "time.sleep(600)\n";

    private final Process process;

    private LockHolder(Process process) {
        this.process = process;
    }

    /**
     * Starts the holder and returns once it holds the lock.
     *
     * @param lockFile an existing lock file
     * @param holder what the holder line says ("process 4242 (/Add-Package, since now)")
     */
    public static LockHolder hold(Path lockFile, String holder) throws IOException {
        Process process = new ProcessBuilder("python3", "-c", SCRIPT, lockFile.toString(), holder)
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (!"locked".equals(line)) {
            process.destroyForcibly();
            throw new IOException("python3 could not lock " + lockFile + ": " + line);
        }
        return new LockHolder(process);
    }

    /** Kills the holder and waits until it is gone. */
    @Override
    public void close() throws InterruptedException, IOException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IOException("the lock holder did not end");
        }
    }
}
