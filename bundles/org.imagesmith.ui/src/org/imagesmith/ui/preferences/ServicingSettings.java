package org.imagesmith.ui.preferences;

import java.nio.file.Path;
import org.imagesmith.servicing.LogLevel;

/**
 * The session options the IDE passes to the engine, as DISM takes them on its command line.
 *
 * @param scratchDirectory DISM's /ScratchDir: where temporary files and proposed mount directories go
 * @param logLevel DISM's /LogLevel
 * @param logFile DISM's /LogPath: the log appended to by every operation
 */
public record ServicingSettings(Path scratchDirectory, LogLevel logLevel, Path logFile) {
}
