package org.imagesmith.registry.sam;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.imagesmith.registry.Hive;
import org.imagesmith.registry.RegistryKey;
import org.imagesmith.registry.RegistryValue;
import org.imagesmith.registry.SecurityDescriptors;

/**
 * The local accounts of a Windows installation as its SAM hive keeps them (Windows NT 6.x, password key revision 1):
 * the account domain (SAM\Domains\Account: F with the next RID and the password encryption key, V with the machine
 * SID), its users (Users\&lt;RID&gt; F and V, Users\Names\&lt;name&gt; whose default value's type is the RID) and the
 * local groups (aliases of the Builtin and Account domains: C records with the member SIDs, and Members\&lt;domain
 * SID&gt;\&lt;RID&gt; listing the aliases each member belongs to). Changes are made to the hive in memory.
 */
public final class SamDatabase {
    public static final String ACCOUNT = "SAM\\Domains\\Account";
    public static final String BUILTIN = "SAM\\Domains\\Builtin";
    /** The built-in Administrator's RID. */
    public static final int ADMINISTRATOR = 0x1F4;
    static final int DOMAIN_F_NEXT_RID = 0x48;
    static final int DOMAIN_F_MODIFIED_COUNT = 0x10;
    static final int DOMAIN_F_KEY = 0x68;
    static final int DOMAIN_F_LENGTH = 0xF0;
    private static final Sid EVERYONE = new Sid(1, new int[] {0});
    private static final Sid ACCOUNT_OPERATORS = new Sid(5, new int[] {32, 548});

    /**
     * A local group.
     *
     * @param domain {@link #BUILTIN} or {@link #ACCOUNT}
     * @param name its name as the SAM spells it
     * @param rid its relative identifier
     */
    public record Alias(String domain, String name, int rid) {
    }

    private final Hive sam;
    private final byte[] domainKey;
    private final Sid machineSid;

    private SamDatabase(Hive sam, byte[] domainKey, Sid machineSid) {
        this.sam = sam;
        this.domainKey = domainKey;
        this.machineSid = machineSid;
    }

    /**
     * Opens the accounts of a SAM hive with the boot key of the installation's SYSTEM hive.
     *
     * @throws UnsupportedSamException when the password keys are AES-encrypted (Windows 10 version 1607 and later)
     * @throws SamFormatException when the hive lacks what Windows keeps there or the keys do not match
     */
    public static SamDatabase open(Hive sam, Hive system) throws SamFormatException {
        byte[] f = binary(sam, ACCOUNT, "F");
        if (f.length < DOMAIN_F_KEY + 0x40) {
            throw new SamFormatException("The SAM's " + ACCOUNT + "\\F record is " + f.length + " bytes, too short to hold"
                    + " the password encryption key.");
        }
        int revision = ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN).getInt(DOMAIN_F_KEY);
        if (revision == 2) {
            throw new UnsupportedSamException("The SAM encrypts passwords with AES (key revision 2, Windows 10 version 1607"
                    + " and later); Imagesmith writes only the RC4 form of Windows 7 to Windows 10 version 1511.");
        }
        if (revision != 1) {
            throw new SamFormatException("The SAM's password encryption key has revision " + revision
                    + ", which Imagesmith does not know.");
        }
        byte[] key = SamCrypto.domainKey(Arrays.copyOfRange(f, DOMAIN_F_KEY, DOMAIN_F_KEY + 0x40), BootKey.read(system));
        return new SamDatabase(sam, key, machineSid(binary(sam, ACCOUNT, "V")));
    }

    /**
     * Writes an empty account domain into a new SAM hive, as Windows Setup makes it: the domain's F record (next RID,
     * the password encryption key under the boot key of the SYSTEM hive), its V record ending with the machine SID,
     * and the Users, Aliases and Groups keys of the account and Builtin domains.
     */
    public static SamDatabase initialize(Hive sam, Hive system, Sid machineSid, byte[] domainKey, byte[] salt, int nextRid)
            throws SamFormatException {
        ByteBuffer f = ByteBuffer.allocate(DOMAIN_F_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        f.putShort(0, (short) 3).putShort(2, (short) 1);
        f.putInt(DOMAIN_F_NEXT_RID, nextRid);
        f.put(DOMAIN_F_KEY, SamCrypto.keyData(domainKey, BootKey.read(system), salt));
        ByteBuffer v = ByteBuffer.allocate(0x40 + machineSid.length()).order(ByteOrder.LITTLE_ENDIAN);
        v.putInt(0x38, 0).putInt(0x3C, machineSid.length() - 4).put(0x40, machineSid.toBytes());
        RegistryKey account = sam.root().createKey(ACCOUNT);
        account.setBinary("F", f.array());
        account.setBinary("V", v.array());
        for (String domain : List.of(ACCOUNT, BUILTIN)) {
            sam.root().createKey(domain + "\\Users\\Names");
            sam.root().createKey(domain + "\\Aliases\\Names");
            sam.root().createKey(domain + "\\Aliases\\Members");
            sam.root().createKey(domain + "\\Groups\\Names");
        }
        return open(sam, system);
    }

    /** Creates a local group with its C record and Aliases\Names entry. */
    public Alias createAlias(String domain, int rid, String name, String description) {
        RegistryKey key = sam.root().createKey(domain + "\\Aliases\\" + ridName(rid));
        key.setBinary("C", AliasRecord.create(rid, descriptor(Optional.empty()), name, description, List.of()));
        sam.root().createKey(domain + "\\Aliases\\Names\\" + name).setValue(new RegistryValue("", rid, new byte[0]));
        return new Alias(domain, name, rid);
    }

    /** Disables an account (as Windows Setup leaves the built-in Administrator and Guest). */
    public void disable(int rid, long now) throws SamFormatException {
        String key = ACCOUNT + "\\Users\\" + ridName(rid);
        sam.root().key(key).setBinary("F", UserRecord.withControl(binary(sam, key, "F"), false, now));
    }

    /** Sets the RID the next new account gets. */
    public void setNextRid(int rid) throws SamFormatException {
        byte[] f = binary(sam, ACCOUNT, "F");
        ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN).putInt(DOMAIN_F_NEXT_RID, rid);
        sam.root().key(ACCOUNT).setBinary("F", f);
    }

    /** The machine SID: the last 24 bytes of the account domain's V record (S-1-5-21-x-y-z). */
    private static Sid machineSid(byte[] v) throws SamFormatException {
        try {
            Sid sid = Sid.read(v, v.length - 24);
            if (sid.authority() == 5 && sid.subAuthorities().length == 4 && sid.subAuthorities()[0] == 21) {
                return sid;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new SamFormatException("The SAM's " + ACCOUNT + "\\V record does not end with the machine SID (S-1-5-21-...).");
    }

    /** The SID of the account domain (the machine SID). */
    public Sid machineSid() {
        return machineSid;
    }

    /** The RID of the local user named name (any case), if there is one. */
    public Optional<Integer> userRid(String name) {
        return sam.findKey(ACCOUNT + "\\Users\\Names\\" + name).flatMap(k -> k.value("")).map(RegistryValue::type);
    }

    /** The names of the local users, as Users\Names lists them. */
    public List<String> userNames() {
        return sam.findKey(ACCOUNT + "\\Users\\Names").map(k -> k.subkeys().stream().map(RegistryKey::name).toList())
                .orElse(List.of());
    }

    /** The local group named name (any case), in the Builtin domain or the account domain. */
    public Optional<Alias> alias(String name) {
        for (String domain : List.of(BUILTIN, ACCOUNT)) {
            Optional<RegistryKey> key = sam.findKey(domain + "\\Aliases\\Names\\" + name);
            Optional<RegistryValue> value = key.flatMap(k -> k.value(""));
            if (value.isPresent()) {
                return Optional.of(new Alias(domain, key.get().name(), value.get().type()));
            }
        }
        return Optional.empty();
    }

    /** The names of the local groups. */
    public List<String> aliasNames() {
        List<String> names = new ArrayList<>();
        for (String domain : List.of(BUILTIN, ACCOUNT)) {
            sam.findKey(domain + "\\Aliases\\Names").ifPresent(k -> k.subkeys().forEach(s -> names.add(s.name())));
        }
        return names;
    }

    /** The RID the next new account gets: the domain's next RID, past any RID in use. */
    public int nextRid() throws SamFormatException {
        int rid = ByteBuffer.wrap(binary(sam, ACCOUNT, "F")).order(ByteOrder.LITTLE_ENDIAN).getInt(DOMAIN_F_NEXT_RID);
        while (sam.findKey(ACCOUNT + "\\Users\\" + ridName(rid)).isPresent()
                || sam.findKey(ACCOUNT + "\\Aliases\\" + ridName(rid)).isPresent()
                || sam.findKey(ACCOUNT + "\\Groups\\" + ridName(rid)).isPresent()) {
            rid++;
        }
        return rid;
    }

    /**
     * Creates an enabled local user with the next RID: its F and V records and its Users\Names entry; advances the
     * domain's next RID.
     *
     * @param password the password, or empty for none
     * @param now the password's time (FILETIME)
     * @return the new account's RID
     * @throws SamFormatException when the name is taken or the domain's records are damaged
     */
    public int createUser(String name, String fullName, String comment, String password, long now)
            throws SamFormatException {
        if (userRid(name).isPresent() || alias(name).isPresent()) {
            throw new SamFormatException("The image already has an account or group named " + name + ".");
        }
        int rid = nextRid();
        Sid user = machineSid.withRid(rid);
        byte[] descriptor = descriptor(Optional.of(user));
        RegistryKey key = sam.root().createKey(ACCOUNT + "\\Users\\" + ridName(rid));
        key.setBinary("F", UserRecord.newF(rid, UserRecord.NORMAL_ACCOUNT, now));
        key.setBinary("V", UserRecord.newV(descriptor, name, fullName, comment, encryptedNt(rid, password)));
        sam.root().createKey(ACCOUNT + "\\Users\\Names\\" + name).setValue(new RegistryValue("", rid, new byte[0]));
        byte[] f = binary(sam, ACCOUNT, "F");
        ByteBuffer b = ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(DOMAIN_F_NEXT_RID, rid + 1);
        b.putLong(DOMAIN_F_MODIFIED_COUNT, b.getLong(DOMAIN_F_MODIFIED_COUNT) + 1);
        sam.root().key(ACCOUNT).setBinary("F", f);
        return rid;
    }

    /** Sets a user's password (empty for none) and enables the account. */
    public void setPassword(int rid, String password, long now) throws SamFormatException {
        RegistryKey key = sam.findKey(ACCOUNT + "\\Users\\" + ridName(rid)).orElseThrow(() -> new SamFormatException(
                "The SAM has no user with RID " + rid + " (" + ACCOUNT + "\\Users\\" + ridName(rid) + ")."));
        key.setBinary("V", UserRecord.withPassword(binary(sam, key.path(), "V"), encryptedNt(rid, password)));
        key.setBinary("F", UserRecord.withControl(binary(sam, key.path(), "F"), true, now));
    }

    /** The NT hash of a user's password as the SAM keeps it, or empty when the account has none. */
    public Optional<byte[]> ntHash(int rid) throws SamFormatException {
        byte[] entry = UserRecord.readV(binary(sam, ACCOUNT + "\\Users\\" + ridName(rid), "V")).item(UserRecord.NT_HASH);
        return entry.length < 20 ? Optional.empty()
                : Optional.of(SamCrypto.decryptHash(domainKey, rid, Arrays.copyOfRange(entry, 4, 20)));
    }

    /** The members of a local group. */
    public List<Sid> members(Alias alias) throws SamFormatException {
        return AliasRecord.members(binary(sam, alias.domain() + "\\Aliases\\" + ridName(alias.rid()), "C"));
    }

    /**
     * Adds member to a local group: the SID to the alias's C record, the alias to the member's entry under
     * Aliases\Members\&lt;domain SID&gt;\&lt;RID&gt; (whose default value's type is the number of aliases).
     */
    public void addMember(Alias alias, Sid member) throws SamFormatException {
        String aliasKey = alias.domain() + "\\Aliases\\" + ridName(alias.rid());
        byte[] c = binary(sam, aliasKey, "C");
        if (AliasRecord.members(c).contains(member)) {
            return;
        }
        sam.root().key(aliasKey).setBinary("C", AliasRecord.withMember(c, member));
        RegistryKey entry = sam.root().createKey(alias.domain() + "\\Aliases\\Members\\" + member.domain() + "\\"
                + ridName(member.rid()));
        byte[] old = entry.value("").map(RegistryValue::data).orElse(new byte[0]);
        byte[] aliases = ByteBuffer.allocate(old.length + 4).order(ByteOrder.LITTLE_ENDIAN).put(old).putInt(alias.rid())
                .array();
        entry.setValue(new RegistryValue("", aliases.length / 4, aliases));
    }

    /** The key name of a RID: eight upper-case hexadecimal digits. */
    public static String ridName(int rid) {
        return String.format(Locale.ROOT, "%08X", rid);
    }

    /**
     * The security descriptor of a SAM object: owned by Administrators; Everyone may read it, Administrators and
     * Account Operators may do everything, and a user may read and change its own account.
     */
    private static byte[] descriptor(Optional<Sid> user) {
        List<SecurityDescriptors.Ace> aces = new ArrayList<>(List.of(
                new SecurityDescriptors.Ace(0, 0x0002035B, EVERYONE.toBytes()),
                new SecurityDescriptors.Ace(0, 0x000F07FF, Sid.ADMINISTRATORS.toBytes()),
                new SecurityDescriptors.Ace(0, 0x000F07FF, ACCOUNT_OPERATORS.toBytes())));
        user.ifPresent(u -> aces.add(new SecurityDescriptors.Ace(0, 0x00020044, u.toBytes())));
        return SecurityDescriptors.selfRelative(Sid.ADMINISTRATORS.toBytes(), Sid.ADMINISTRATORS.toBytes(), aces);
    }

    private byte[] encryptedNt(int rid, String password) {
        return password.isEmpty() ? null : SamCrypto.encryptHash(domainKey, rid, SamCrypto.ntHash(password));
    }

    private static byte[] binary(Hive hive, String key, String value) throws SamFormatException {
        return hive.findKey(key).flatMap(k -> k.value(value)).map(RegistryValue::data).orElseThrow(() ->
                new SamFormatException("The SAM hive has no " + key + "\\" + value + "; it is not the SAM of a Windows"
                        + " installation."));
    }
}
