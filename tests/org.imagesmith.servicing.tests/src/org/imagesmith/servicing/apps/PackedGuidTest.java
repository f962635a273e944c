package org.imagesmith.servicing.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.imagesmith.testsupport.SyntheticInstallerProducts;
import org.junit.jupiter.api.Test;

class PackedGuidTest {
    @Test
    void packsAsTheInstallerDoesAndBack() {
        // the example of the class's documentation, worked by hand
        assertEquals("87654321DCBA10FE32547698BADCFE10", PackedGuid.parse("{12345678-abcd-ef01-2345-6789abcdef01}").packed());
        for (String guid : List.of("{DB935363-5A68-47AF-A55A-CFC90F2E83BC}", "{90140000-0011-0000-1000-0000000FF1CE}",
                "{00000000-0000-0000-0000-000000000000}")) {
            PackedGuid code = PackedGuid.parse(guid);
            assertEquals(SyntheticInstallerProducts.pack(guid), code.packed(), "the fixture's own packing");
            assertEquals(code, PackedGuid.unpack(code.packed()));
        }
        assertEquals("{DB935363-5A68-47AF-A55A-CFC90F2E83BC}", PackedGuid.parse(" {db935363-5a68-47af-a55a-cfc90f2e83bc} ").guid());
    }

    @Test
    void refusesWhatIsNotAGuid() {
        for (String bad : List.of("", "DB935363-5A68-47AF-A55A-CFC90F2E83BC", "{DB935363-5A68-47AF-A55A-CFC90F2E83B}",
                "{DB935363-5A68-47AF-A55A-CFC90F2E83BG}", "{DB9353635A6847AFA55ACFC90F2E83BC}")) {
            assertThrows(IllegalArgumentException.class, () -> PackedGuid.parse(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> PackedGuid.parse(null));
        assertThrows(IllegalArgumentException.class, () -> PackedGuid.unpack("363539DB86A5FA74"));
        assertThrows(IllegalArgumentException.class, () -> PackedGuid.unpack("363539DB86A5FA745AA5FC9CF0E238CZ"));
    }
}
