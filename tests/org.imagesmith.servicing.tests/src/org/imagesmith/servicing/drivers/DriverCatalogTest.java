package org.imagesmith.servicing.drivers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.imagesmith.testsupport.SyntheticDriver;
import org.junit.jupiter.api.Test;

/** Catalogs made with BouncyCastle (a self-signed certificate signing a CTL), and hostile catalog bytes. */
class DriverCatalogTest {

    private static byte[] sha1(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-1").digest(bytes);
    }

    @Test
    void readsTheMembersOfASignedCertificateTrustList() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("contoso.inf", "[Version]\r\n".getBytes(StandardCharsets.US_ASCII));
        files.put("contoso.sys", new byte[] {1, 2, 3});
        DriverCatalog catalog = DriverCatalog.parse(SyntheticDriver.catalog(files), "contoso.cat");
        assertEquals(2, catalog.members().size());
        assertEquals(Optional.of("contoso.sys"), catalog.memberNamed("CONTOSO.SYS").flatMap(DriverCatalog.Member::fileName));
        DriverCatalog.Member sys = catalog.memberNamed("contoso.sys").orElseThrow();
        // the tag (hex text) and the SPC_INDIRECT_DATA digest both give the file's SHA-1
        assertEquals(2, sys.digests().size());
        sys.digests().forEach(d -> assertArrayEquals(sha1OrFail(new byte[] {1, 2, 3}), d));
        assertTrue(catalog.listsDigest(List.of(sha1(new byte[] {1, 2, 3}))));
        assertFalse(catalog.listsDigest(List.of(sha1(new byte[] {1, 2, 4}))));
        assertTrue(catalog.memberNamed("other.sys").isEmpty());
    }

    private static byte[] sha1OrFail(byte[] bytes) {
        try {
            return sha1(bytes);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anEmptyCatalogHasNoMembers() throws Exception {
        assertTrue(DriverCatalog.parse(SyntheticDriver.catalog(Map.of()), "empty.cat").members().isEmpty());
    }

    @Test
    void hostileBytesGiveAClearError() {
        byte[] good = SyntheticDriver.catalog(Map.of("a.sys", new byte[] {9}));
        for (int length : new int[] {0, 1, 2, 10, good.length / 2, good.length - 1}) {
            CatalogFormatException e = assertThrows(CatalogFormatException.class,
                    () -> DriverCatalog.parse(Arrays.copyOf(good, length), "cut.cat"), "cut at " + length);
            assertTrue(e.getMessage().startsWith("cut.cat"), e.getMessage());
        }
        assertThrows(CatalogFormatException.class,
                () -> DriverCatalog.parse("not a catalog at all".getBytes(StandardCharsets.US_ASCII), "text.cat"));
        // a DER length claiming 2 GB must not be believed
        assertThrows(CatalogFormatException.class,
                () -> DriverCatalog.parse(new byte[] {0x30, (byte) 0x84, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x06}, "huge.cat"));
        // flipping bytes anywhere gives an exception or a catalog, never anything else
        for (int i = 0; i < good.length; i += 7) {
            byte[] bad = good.clone();
            bad[i] ^= 0x5a;
            try {
                DriverCatalog.parse(bad, "flipped.cat");
            } catch (CatalogFormatException expected) {
                assertTrue(expected.getMessage().contains("flipped.cat"));
            }
        }
    }

    @Test
    void peImageHashLeavesOutChecksumAndCertificateTable() {
        byte[] pe = minimalPe();
        byte[] base = PeImageHash.digest(pe, "SHA-1").orElseThrow();
        byte[] checksum = pe.clone();
        ByteBuffer.wrap(checksum).order(ByteOrder.LITTLE_ENDIAN).putInt(0x40 + 24 + 64, 0x12345678);
        assertArrayEquals(base, PeImageHash.digest(checksum, "SHA-1").orElseThrow(), "CheckSum is not hashed");
        byte[] signed = Arrays.copyOf(pe, pe.length + 16);
        ByteBuffer b = ByteBuffer.wrap(signed).order(ByteOrder.LITTLE_ENDIAN);
        int certificateEntry = 0x40 + 24 + 112 + 4 * 8;
        b.putInt(certificateEntry, pe.length).putInt(certificateEntry + 4, 16);
        assertArrayEquals(base, PeImageHash.digest(signed, "SHA-1").orElseThrow(), "the certificate table is not hashed");
        byte[] changed = pe.clone();
        changed[changed.length - 1] ^= 1;
        assertNotEquals(Arrays.toString(base), Arrays.toString(PeImageHash.digest(changed, "SHA-1").orElseThrow()));
        assertTrue(PeImageHash.digest("MZ but no PE".getBytes(StandardCharsets.US_ASCII), "SHA-1").isEmpty());
        byte[] lying = pe.clone();
        ByteBuffer.wrap(lying).order(ByteOrder.LITTLE_ENDIAN).putInt(0x3C, 0x7fff_fff0);
        assertTrue(PeImageHash.digest(lying, "SHA-1").isEmpty(), "e_lfanew beyond the file");
    }

    /** MZ header, "PE\0\0", a COFF header and a PE32+ optional header with 16 data directories, then a body. */
    private static byte[] minimalPe() {
        byte[] pe = new byte[0x400];
        ByteBuffer b = ByteBuffer.wrap(pe).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort(0, (short) 0x5A4D).putInt(0x3C, 0x40).putInt(0x40, 0x00004550);
        b.putShort(0x44, (short) 0x8664).putShort(0x44 + 16, (short) 240);
        int optional = 0x40 + 24;
        b.putShort(optional, (short) 0x20b).putInt(optional + 60, 0x200).putInt(optional + 108, 16);
        for (int i = 0x200; i < pe.length; i++) {
            pe[i] = (byte) i;
        }
        return pe;
    }
}
