package org.imagesmith.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.imagesmith.testsupport.SampleImageTrees;
import org.imagesmith.testsupport.Wimlib;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled sample (releng/samples/install.wim, made by releng/samples/make-install-wim) describes its images as
 * wimlib describes a capture of the trees its generator writes: what a real install.wim has for Windows Setup.
 */
class SampleImageTest {
    private static final Path SAMPLE = Path.of(System.getProperty("imagesmith.root", "../.."))
            .resolve("releng/samples/install.wim");

    @TempDir
    Path dir;

    @Test
    void theSampleHasTheWindowsDescriptionOfItsTrees() throws Exception {
        SampleImageTrees.main(new String[] {dir.toString()});
        List<Map<String, String>> sample = Wimlib.info(SAMPLE).images();
        String[] trees = {"win7", "srv"};
        for (int i = 0; i < trees.length; i++) {
            Path wim = dir.resolve(trees[i] + ".wim");
            Wimlib.capture(dir.resolve(trees[i]), wim, trees[i], "");
            Map<String, String> expected = Wimlib.info(wim).images().get(0);
            for (String field : WimWriteCommandsTest.WINDOWS_FIELDS) {
                assertNotNull(expected.get(field), field);
                assertEquals(expected.get(field), sample.get(i).get(field), field + " of image " + (i + 1));
            }
        }
    }
}
