package org.imagesmith.registry;

import java.io.IOException;

/**
 * A hive whose last write was interrupted and whose transaction logs could not bring it up to date is not written:
 * saving it as clean would lose what only its logs hold.
 */
public final class DirtyHiveException extends IOException {
    private static final long serialVersionUID = 1L;

    DirtyHiveException(String reason) {
        super(reason + ". Let Windows load the hive once (it applies the logs), or copy its .LOG1/.LOG2 files next"
                + " to it, then try again");
    }
}
