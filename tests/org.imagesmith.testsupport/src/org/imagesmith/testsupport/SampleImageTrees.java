package org.imagesmith.testsupport;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes the trees of the bundled sample WIM file (releng/samples/install.wim, made by
 * releng/samples/make-install-wim): an offline Windows 7 SP1 x64 image ("win7") and a Windows Server 2008 R2 SP1 image
 * ("srv"), each a {@link SyntheticWindowsImage}.
 */
public final class SampleImageTrees {
    private SampleImageTrees() {
    }

    /** Writes win7 and srv under the folder given as the only argument. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: SampleImageTrees <folder>");
            System.exit(2);
        }
        Path folder = Path.of(args[0]);
        SyntheticWindowsImage.write(folder.resolve("win7"), SyntheticWindowsImage.Kind.WINDOWS_7_SP1_X64);
        SyntheticWindowsImage.write(folder.resolve("srv"), SyntheticWindowsImage.Kind.SERVER_2008_R2_SP1);
    }
}
