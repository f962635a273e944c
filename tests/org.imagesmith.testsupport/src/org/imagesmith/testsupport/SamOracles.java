package org.imagesmith.testsupport;

import java.nio.file.Path;

/**
 * The Debian tools that read the accounts of an offline SAM hive: chntpw (lists the users), samdump2 and impacket's
 * secretsdump (decrypt the password hashes with the SYSTEM hive's boot key).
 */
public final class SamOracles {
    private static final ExternalTool CHNTPW = new ExternalTool("chntpw", "chntpw");
    private static final ExternalTool SAMDUMP2 = new ExternalTool("samdump2", "samdump2");
    /** Debian's impacket-secretsdump runs "python3" from PATH, which may be another Python without impacket. */
    private static final ExternalTool PYTHON = new ExternalTool("/usr/bin/python3", "python3-impacket");
    private static final String SECRETSDUMP = "/usr/share/doc/python3-impacket/examples/secretsdump.py";

    private SamOracles() {
    }

    /** {@code chntpw -l SAM}: the users with their RID, admin membership and lock state. */
    public static ExternalTool.Result chntpwList(Path sam) {
        return CHNTPW.runAllowingFailure("-l", sam.toString());
    }

    /** {@code samdump2 SYSTEM SAM}: name:RID:LM hash:NT hash::: for each user. */
    public static String samdump2(Path system, Path sam) {
        return SAMDUMP2.run(system.toString(), sam.toString());
    }

    /** {@code secretsdump.py -sam SAM -system SYSTEM LOCAL}: the boot key and name:RID:LM hash:NT hash::: lines. */
    public static String secretsdump(Path sam, Path system) {
        return PYTHON.run(SECRETSDUMP, "-sam", sam.toString(), "-system", system.toString(), "LOCAL");
    }
}
