package org.imagesmith.servicing.unattend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.imagesmith.registry.Hive;
import org.imagesmith.registry.sam.SamDatabase;
import org.imagesmith.registry.sam.Sid;
import org.imagesmith.servicing.DirectoryImage;
import org.imagesmith.servicing.LogLevel;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.servicing.ServicingLog;
import org.imagesmith.servicing.ServicingSession;
import org.imagesmith.servicing.TreeDigests;
import org.imagesmith.servicing.WimImage;
import org.imagesmith.testsupport.ExternalTool;
import org.imagesmith.testsupport.Hivex;
import org.imagesmith.testsupport.SamOracles;
import org.imagesmith.testsupport.SyntheticSam;
import org.imagesmith.testsupport.SyntheticWindowsImage;
import org.imagesmith.testsupport.Wimlib;
import org.imagesmith.wim.mount.MountStore;
import org.imagesmith.wim.mount.MountedImages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Microsoft-Windows-Shell-Setup | OfflineUserAccounts applied to the SAM hive of a synthetic Windows 7 image and read
 * back by chntpw, samdump2 and impacket's secretsdump: the accounts are listed, and the NT hashes they decrypt with
 * the SYSTEM hive's boot key are MD4(UTF-16LE(password)) (the values below were computed with openssl dgst -md4).
 */
class OfflineUserAccountsTest {
    private static final String ADMIN_PASSWORD = "Adm1n!Offline";
    private static final String ADMIN_NT = "36c832bfd27186c2348774da4bdd5af2";
    private static final String ALICE_PASSWORD = "P@ssw0rd!";
    private static final String ALICE_NT = "217e50203a5aba59cefa863c724bf61b";
    private static final String BOB_PASSWORD = "Tr0ub4dor&3";
    private static final String BOB_NT = "24d9c99595080b241b3b4eb0cba8d8f4";
    private static final String EMPTY_LM = "aad3b435b51404eeaad3b435b51404ee";
    private static final String DOMAIN_USER = "S-1-5-21-1454471165-1004335555-1606985555-5555";

    @TempDir
    Path dir;
    Path root;
    Path config;
    Path log;

    @BeforeEach
    void image() throws Exception {
        root = SyntheticWindowsImage.write(dir.resolve("image"), SyntheticWindowsImage.Kind.WINDOWS_7_SP1_X64);
        config = root.resolve("Windows/System32/config");
        log = dir.resolve("dism.log");
    }

    /** Windows SIM's hidden form of a password: base64 of UTF-16LE(password + setting name). */
    private static String hidden(String password, String setting) {
        return Base64.getEncoder().encodeToString((password + setting).getBytes(StandardCharsets.UTF_16LE));
    }

    private static String answerFile(String accounts) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <unattend xmlns="urn:schemas-microsoft-com:unattend" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State">
                  <settings pass="offlineServicing">
                    <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
                      <OfflineUserAccounts>
                %s
                      </OfflineUserAccounts>
                    </component>
                  </settings>
                </unattend>
                """.formatted(accounts);
    }

    private static String fullAccounts() {
        return """
                        <OfflineAdministratorPassword>
                          <Value>%s</Value>
                          <PlainText>false</PlainText>
                        </OfflineAdministratorPassword>
                        <OfflineLocalAccounts>
                          <LocalAccount wcm:action="add">
                            <Name>Alice</Name>
                            <DisplayName>Alice Liddell</DisplayName>
                            <Description>Lab administrator</Description>
                            <Group>Administrators;Remote Desktop Users</Group>
                            <Password>
                              <Value>%s</Value>
                              <PlainText>false</PlainText>
                            </Password>
                          </LocalAccount>
                          <LocalAccount wcm:action="add">
                            <Name>Bob</Name>
                            <Group>Users</Group>
                            <Password>
                              <Value>%s</Value>
                              <PlainText>true</PlainText>
                            </Password>
                          </LocalAccount>
                        </OfflineLocalAccounts>
                        <OfflineDomainAccounts>
                          <OfflineDomainAccount wcm:action="add">
                            <SID>%s</SID>
                            <Group>Administrators</Group>
                          </OfflineDomainAccount>
                        </OfflineDomainAccounts>"""
                .formatted(hidden(ADMIN_PASSWORD, "OfflineAdministratorPassword"), hidden(ALICE_PASSWORD, "Password"),
                        BOB_PASSWORD.replace("&", "&amp;"), DOMAIN_USER);
    }

    private Path write(String text) throws Exception {
        return Files.writeString(Files.createDirectories(dir.resolve("answers")).resolve("unattend.xml"), text);
    }

    private UnattendServicing.Result apply(Path file, boolean whatIf) throws Exception {
        try (ServicingLog servicingLog = ServicingLog.open(log, LogLevel.INFO);
                ServicingSession session = ServicingSession.open(DirectoryImage.open(root), servicingLog, Optional.empty())) {
            return whatIf ? new UnattendServicing(session).whatIf(file) : new UnattendServicing(session).apply(file);
        }
    }

    private ServicingException refused(Path file) throws Exception {
        return assertThrows(ServicingException.class, () -> apply(file, false));
    }

    @Test
    void accountsPasswordsAndGroupsAreWrittenAsWindows7KeepsThem() throws Exception {
        Path file = write(answerFile(fullAccounts()));
        String sid = SyntheticSam.MACHINE_SID.toString();

        TreeMap<String, String> before = TreeDigests.of(root);
        List<String> plan = apply(file, true).actions();
        assertEquals(before, TreeDigests.of(root), "/WhatIf changes nothing");
        assertEquals(List.of("Would apply Microsoft-Windows-Shell-Setup | OfflineUserAccounts: HKLM\\SAM: set the password of"
                + " the built-in Administrator (RID 500) and enable it; create the local account Alice (" + sid + "-1000)"
                + " with its password in Administrators, Remote Desktop Users; create the local account Bob (" + sid
                + "-1001) with its password in Users; add the domain account " + DOMAIN_USER + " to Administrators"), plan);

        UnattendServicing.Result result = apply(file, false);
        assertEquals(List.of(plan.get(0).replace("Would apply", "Applied")), result.actions());
        String logText = Files.readString(log);
        for (String secret : List.of(ADMIN_PASSWORD, ALICE_PASSWORD, BOB_PASSWORD, hidden(ALICE_PASSWORD, "Password"))) {
            assertFalse(logText.contains(secret), "no password in the log");
            assertFalse(result.actions().toString().contains(secret), "no password in the output");
        }

        Path sam = config.resolve("SAM");
        Path system = config.resolve("SYSTEM");
        ExternalTool.Result chntpw = SamOracles.chntpwList(sam);
        assertTrue(chntpw.stdout().matches("(?s).*\\| 01f4 \\| Administrator +\\| ADMIN  \\|          \\|.*"), chntpw.stdout());
        assertTrue(chntpw.stdout().matches("(?s).*\\| 03e8 \\| Alice +\\| ADMIN  \\|          \\|.*"), chntpw.stdout());
        assertTrue(chntpw.stdout().matches("(?s).*\\| 03e9 \\| Bob +\\|        \\|          \\|.*"), chntpw.stdout());
        assertTrue(chntpw.stdout().matches("(?s).*\\| 01f5 \\| Guest +\\|        \\| dis/lock \\|.*"), chntpw.stdout());

        List<String> expected = List.of("Administrator:500:" + EMPTY_LM + ":" + ADMIN_NT + ":::",
                "Alice:1000:" + EMPTY_LM + ":" + ALICE_NT + ":::", "Bob:1001:" + EMPTY_LM + ":" + BOB_NT + ":::");
        String samdump = SamOracles.samdump2(system, sam);
        String secrets = SamOracles.secretsdump(sam, system);
        for (String line : expected) {
            assertTrue(samdump.lines().anyMatch(line::equals), line + " in\n" + samdump);
            assertTrue(secrets.lines().anyMatch(line::equals), line + " in\n" + secrets);
        }
        assertTrue(secrets.contains("bootKey: 0x8e2cc3e1f1f4c2d23a0b8c5d7e6f401a"), secrets);

        // the reverse membership lists Windows keeps beside the groups' C records
        String builtinMembers = "SAM\\Domains\\Builtin\\Aliases\\Members\\";
        assertTrue(Hivex.hasKey(sam, builtinMembers + sid + "\\000003E8"));
        assertTrue(Hivex.hasKey(sam, builtinMembers + "S-1-5-21-1454471165-1004335555-1606985555\\000015B3"));
        assertTrue(Hivex.hasKey(sam, "SAM\\Domains\\Account\\Users\\Names\\Alice"));
        try (ServicingSession session = ServicingSession.open(DirectoryImage.open(root), ServicingLog.none(), Optional.empty())) {
            SamDatabase accounts = SamDatabase.open(Hive.open(sam), session.system());
            // in SID order, as Windows and chntpw keep them
            assertEquals(List.of(SyntheticSam.MACHINE_SID.withRid(500), SyntheticSam.MACHINE_SID.withRid(1000),
                    Sid.parse(DOMAIN_USER)),
                    accounts.members(accounts.alias("Administrators").orElseThrow()));
            assertEquals(1002, accounts.nextRid());
        }
    }

    @Test
    void accountsAreWrittenIntoAnImageOfAWimFileInPlace() throws Exception {
        Path wim = dir.resolve("install.wim");
        Wimlib.capture(root, wim, "Windows 7 PROFESSIONAL", "Windows 7 Professional", "--compress=lzx");
        Path file = write(answerFile(fullAccounts()));
        try (ServicingLog servicingLog = ServicingLog.open(log, LogLevel.INFO);
                WimImage image = WimImage.open(wim, 1, Optional.of(dir), new MountedImages(new MountStore(dir.resolve("m"))));
                ServicingSession session = ServicingSession.open(image, servicingLog, Optional.empty())) {
            new UnattendServicing(session).apply(file);
            image.commit(false, (done, total) -> { });
        }
        Path applied = dir.resolve("applied");
        Wimlib.apply(wim, 1, applied);
        Path appliedConfig = applied.resolve("Windows/System32/config");
        String samdump = SamOracles.samdump2(appliedConfig.resolve("SYSTEM"), appliedConfig.resolve("SAM"));
        assertTrue(samdump.lines().anyMatch(("Alice:1000:" + EMPTY_LM + ":" + ALICE_NT + ":::")::equals), samdump);
        assertTrue(samdump.lines().anyMatch(("Administrator:500:" + EMPTY_LM + ":" + ADMIN_NT + ":::")::equals), samdump);
    }

    @Test
    void anUnknownGroupOrAnAccountThatExistsIsRefusedBeforeAnyChange() throws Exception {
        TreeMap<String, String> before = TreeDigests.of(root);
        ServicingException e = refused(write(answerFile(fullAccounts().replace("Remote Desktop Users", "Lab Operators"))));
        assertEquals(UnattendServicing.INVALID_ANSWER_FILE, e.errorCode(), e.getMessage());
        assertTrue(e.getMessage().contains("The image has no local group \"Lab Operators\"; its groups are Administrators,"
                + " Guests, Power Users, Remote Desktop Users, Users."), e.getMessage());
        assertEquals(before, TreeDigests.of(root));

        e = refused(write(answerFile(fullAccounts().replace("<Name>Bob</Name>", "<Name>guest</Name>"))));
        assertEquals(UnattendServicing.INVALID_ANSWER_FILE, e.errorCode(), e.getMessage());
        assertTrue(e.getMessage().contains("The image already has an account or group named guest"), e.getMessage());
        assertEquals(before, TreeDigests.of(root));

        e = refused(write(answerFile(fullAccounts().replace(hidden(ALICE_PASSWORD, "Password"),
                hidden(ALICE_PASSWORD, "Secret")))));
        assertEquals(UnattendServicing.INVALID_ANSWER_FILE, e.errorCode(), e.getMessage());
        assertTrue(e.getMessage().contains("Password has PlainText false, but its Value is not the encoded form Windows SIM"
                + " writes"), e.getMessage());
        assertEquals(before, TreeDigests.of(root));
    }

    @Test
    void aSamWithAesPasswordKeysIsRefusedClearly() throws Exception {
        Path sam = config.resolve("SAM");
        Hive hive = Hive.open(sam);
        byte[] f = hive.findKey(SamDatabase.ACCOUNT).orElseThrow().getBinary("F");
        f[0x68] = 2;
        hive.root().key(SamDatabase.ACCOUNT).setBinary("F", f);
        hive.save(sam);
        TreeMap<String, String> before = TreeDigests.of(root);

        ServicingException e = refused(write(answerFile(fullAccounts())));
        assertEquals(ServicingException.NOT_SUPPORTED_OFFLINE, e.errorCode(), e.getMessage());
        assertTrue(e.getMessage().contains("The SAM encrypts passwords with AES (key revision 2, Windows 10 version 1607"),
                e.getMessage());
        assertFalse(e.getMessage().contains("completed successfully"));
        assertEquals(before, TreeDigests.of(root));
    }

    @Test
    void anImageWithoutSamIsRefused() throws Exception {
        Files.delete(config.resolve("SAM"));
        ServicingException e = refused(write(answerFile(fullAccounts())));
        assertEquals(ServicingException.FILE_NOT_FOUND, e.errorCode(), e.getMessage());
        assertTrue(e.getMessage().contains("The image has no Windows\\System32\\config\\SAM hive"), e.getMessage());
    }
}
