package org.imagesmith.servicing;

import java.io.IOException;
import java.nio.file.Path;
import org.imagesmith.testsupport.SyntheticInternationalSettings;
import org.imagesmith.testsupport.SyntheticWindowsImage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Tests on a Windows 7 SP1 x64 image with international settings and a default user profile, under dir/image. */
abstract class Windows7ImageTest {
    @TempDir
    Path dir;
    Path root;

    @BeforeEach
    void windows7Image() throws IOException {
        root = SyntheticWindowsImage.write(dir.resolve("image"), SyntheticWindowsImage.Kind.WINDOWS_7_SP1_X64);
        SyntheticInternationalSettings.addTo(root);
    }
}
