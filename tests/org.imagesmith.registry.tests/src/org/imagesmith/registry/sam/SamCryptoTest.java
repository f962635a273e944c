package org.imagesmith.registry.sam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.imagesmith.registry.Hive;
import org.junit.jupiter.api.Test;

/** The SAM's password encryption and records, checked against published test vectors and against themselves. */
class SamCryptoTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void md4MatchesTheTestSuiteOfRfc1320() {
        assertEquals("31d6cfe0d16ae931b73c59d7e0c089c0", HEX.formatHex(Md4.digest(new byte[0])));
        assertEquals("a448017aaf21d8525fc10ae87aa6729d", HEX.formatHex(Md4.digest("abc".getBytes(StandardCharsets.US_ASCII))));
        assertEquals("e33b4ddc9c38f2199c3e7b164fcc0536", HEX.formatHex(Md4.digest(
                "12345678901234567890123456789012345678901234567890123456789012345678901234567890"
                        .getBytes(StandardCharsets.US_ASCII))));
        // the NT hash of "password", as every password-cracking reference lists it
        assertEquals("8846f7eaee8fb117ad06bdd830b7586c", HEX.formatHex(SamCrypto.ntHash("password")));
    }

    @Test
    void bootKeyRoundTripsThroughTheLsaClassNames() throws Exception {
        Hive system = Hive.create();
        system.root().createKey("Select").setDword("Current", 2);
        byte[] key = HEX.parseHex("00112233445566778899aabbccddeeff");
        BootKey.write(system, key);
        assertArrayEquals(key, BootKey.read(system));
        assertTrue(system.findKey("ControlSet002\\Control\\Lsa\\Skew1").orElseThrow().className().orElseThrow()
                .matches("[0-9a-f]{8}"));
        system.root().deleteKey("ControlSet002\\Control\\Lsa\\GBG");
        assertTrue(assertThrows(SamFormatException.class, () -> BootKey.read(system)).getMessage()
                .contains("ControlSet002\\Control\\Lsa\\GBG is missing"));
    }

    @Test
    void hashesDecryptToWhatWasEncryptedAndTheDomainKeyIsChecked() throws Exception {
        byte[] domainKey = HEX.parseHex("0f0e0d0c0b0a09080706050403020100");
        byte[] bootKey = HEX.parseHex("8e2cc3e1f1f4c2d23a0b8c5d7e6f401a");
        byte[] keyData = SamCrypto.keyData(domainKey, bootKey, HEX.parseHex("a0a1a2a3a4a5a6a7a8a9aaabacadaeaf"));
        assertArrayEquals(domainKey, SamCrypto.domainKey(keyData, bootKey));
        byte[] other = bootKey.clone();
        other[0] ^= 1;
        assertThrows(SamFormatException.class, () -> SamCrypto.domainKey(keyData, other));
        byte[] hash = SamCrypto.ntHash("Tr0ub4dor&3");
        for (int rid : List.of(500, 1000, 0x12345678)) {
            byte[] encrypted = SamCrypto.encryptHash(domainKey, rid, hash);
            assertArrayEquals(hash, SamCrypto.decryptHash(domainKey, rid, encrypted));
        }
    }

    @Test
    void aliasMembersStayInSidOrderAndAreNotDuplicated() throws Exception {
        Sid machine = Sid.parse("S-1-5-21-1-2-3");
        byte[] c = AliasRecord.create(0x220, new byte[20], "Administrators", "all rights", List.of(machine.withRid(500)));
        c = AliasRecord.withMember(c, Sid.parse("S-1-5-4"));
        c = AliasRecord.withMember(c, machine.withRid(1000));
        c = AliasRecord.withMember(c, machine.withRid(1000));
        assertEquals(List.of(Sid.parse("S-1-5-4"), machine.withRid(500), machine.withRid(1000)), AliasRecord.members(c));
        assertEquals(3, c[48]);
        assertEquals("S-1-5-21-1-2-3-4294967295", machine.withRid(-1).toString());
        assertEquals(machine.withRid(-1), Sid.parse("S-1-5-21-1-2-3-4294967295"));
        assertThrows(IllegalArgumentException.class, () -> Sid.parse("S-1-5-21-x"));
    }
}
