package org.imagesmith.testsupport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HexFormat;
import org.imagesmith.registry.Hive;
import org.imagesmith.registry.sam.BootKey;
import org.imagesmith.registry.sam.SamDatabase;
import org.imagesmith.registry.sam.SamFormatException;
import org.imagesmith.registry.sam.Sid;

/**
 * The SAM hive of a freshly installed Windows 7 and the boot key in its SYSTEM hive: the account domain (next RID
 * 1000, RC4 password key), the disabled Administrator (500) and Guest (501) without passwords, and the Builtin local
 * groups Administrators, Users, Guests, Power Users and Remote Desktop Users with Windows' members.
 */
public final class SyntheticSam {
    /** The machine SID of the synthetic images. */
    public static final Sid MACHINE_SID = Sid.parse("S-1-5-21-1004336348-1177238915-682003330");
    /** The boot key kept in the SYSTEM hive's Lsa class names. */
    public static final byte[] BOOT_KEY = HexFormat.of().parseHex("8e2cc3e1f1f4c2d23a0b8c5d7e6f401a");
    private static final byte[] DOMAIN_KEY = HexFormat.of().parseHex("5a1c9e07b3d24f68a9e0c1b27d3f8e45");
    private static final byte[] SALT = HexFormat.of().parseHex("0f1e2d3c4b5a69788796a5b4c3d2e1f0");
    private static final long INSTALLED = 129348000000000000L; // 2010-11-21, FILETIME

    private SyntheticSam() {
    }

    /** Writes the boot key into system (saved by the caller) and the SAM hive into config/SAM. */
    public static void write(Path config, Hive system) throws IOException {
        BootKey.write(system, BOOT_KEY);
        Hive sam = Hive.create("CMI-CreateHive{C4E7BA2B-68E8-499C-B1A1-371AC8D717C7}");
        try {
            SamDatabase accounts = SamDatabase.initialize(sam, system, MACHINE_SID, DOMAIN_KEY, SALT, SamDatabase.ADMINISTRATOR);
            int administrator = accounts.createUser("Administrator", "", "Built-in account for administering the"
                    + " computer/domain", "", INSTALLED);
            int guest = accounts.createUser("Guest", "", "Built-in account for guest access to the computer/domain", "",
                    INSTALLED);
            accounts.disable(administrator, INSTALLED);
            accounts.disable(guest, INSTALLED);
            accounts.setNextRid(1000);
            String builtin = SamDatabase.BUILTIN;
            accounts.addMember(accounts.createAlias(builtin, 0x220, "Administrators", "Administrators have complete and"
                    + " unrestricted access to the computer/domain"), MACHINE_SID.withRid(administrator));
            SamDatabase.Alias users = accounts.createAlias(builtin, 0x221, "Users", "Users are prevented from making"
                    + " accidental or intentional system-wide changes and can run most applications");
            accounts.addMember(users, Sid.parse("S-1-5-4"));
            accounts.addMember(users, Sid.parse("S-1-5-11"));
            accounts.addMember(accounts.createAlias(builtin, 0x222, "Guests", "Guests have the same access as members of"
                    + " the Users group by default, except for the Guest account which is further restricted"),
                    MACHINE_SID.withRid(guest));
            accounts.createAlias(builtin, 0x223, "Power Users", "Power Users are included for backwards compatibility and"
                    + " possess limited administrative powers");
            accounts.createAlias(builtin, 0x22B, "Remote Desktop Users", "Members in this group are granted the right to"
                    + " logon remotely");
        } catch (SamFormatException e) {
            throw new IllegalStateException(e);
        }
        sam.save(config.resolve("SAM"));
    }
}
