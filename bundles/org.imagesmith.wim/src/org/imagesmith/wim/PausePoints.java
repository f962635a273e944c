package org.imagesmith.wim;

/**
 * Named moments of the writers (a temporary WIM file written, renamed over the old one, a mount folder half
 * deleted, ...) where a fault test stops the process to kill it there: when the system property
 * {@code imagesmith.pauseAt} names the point, the process prints {@code imagesmith: paused at <point>} on its error
 * stream and waits until it is killed. Without the property, reaching a point does nothing.
 */
public final class PausePoints {
    /** The system property naming the point to stop at. */
    public static final String PROPERTY = "imagesmith.pauseAt";

    private PausePoints() {
    }

    /** Stops here for good when the property names this point. */
    public static void reached(String point) {
        if (!point.equals(System.getProperty(PROPERTY))) {
            return;
        }
        System.err.println("imagesmith: paused at " + point);
        System.err.flush();
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
