package org.imagesmith.servicing.unattend;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.imagesmith.registry.Hive;
import org.imagesmith.registry.sam.SamDatabase;
import org.imagesmith.registry.sam.SamFormatException;
import org.imagesmith.registry.sam.Sid;
import org.imagesmith.registry.sam.UnsupportedSamException;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.unattend.model.Setting;

/**
 * Microsoft-Windows-Shell-Setup | OfflineUserAccounts, written into the image's SAM hive as Windows keeps accounts:
 * OfflineAdministratorPassword sets the built-in Administrator's password and enables the account;
 * OfflineLocalAccounts creates each LocalAccount with the next free RID (name, DisplayName as the full name,
 * Description as the comment, the NT hash of Password encrypted with the boot key of the SYSTEM hive) and adds it to
 * its local groups; OfflineDomainAccounts adds each domain account, by SID, to its local groups. Passwords are never
 * logged nor shown.
 */
final class OfflineUserAccounts implements OfflineSettingHandler {
    /** The SAM hive of an image. */
    static final String SAM_HIVE = "Windows\\System32\\config\\SAM";

    /** A LocalAccount to create. */
    private record LocalAccount(String name, String password, String displayName, String description, List<String> groups) {
    }

    /** An OfflineDomainAccount to add to local groups. */
    private record DomainAccount(Sid sid, List<String> groups) {
    }

    /** What the setting asks for, checked against the answer file's rules but not yet against the image. */
    private record Accounts(Optional<String> administratorPassword, List<LocalAccount> local, List<DomainAccount> domain) {
    }

    @Override
    public String component() {
        return OfflineSettings.SHELL_SETUP;
    }

    @Override
    public String setting() {
        return "OfflineUserAccounts";
    }

    @Override
    public Optional<RegistryChange> plan(Setting setting, PlanContext context) throws ServicingException {
        String name = component() + " | " + setting();
        Accounts accounts = read(setting, context);
        if (accounts.administratorPassword().isEmpty() && accounts.local().isEmpty() && accounts.domain().isEmpty()) {
            context.warnings().add(name + " (" + Positions.of(setting) + ") names no account; nothing to apply.");
            return Optional.empty();
        }
        Hive system = context.system();
        long now = fileTimeNow();
        String effect = apply(accounts, RegistryChange.open(context.image(), SAM_HIVE), system, now, setting, context);
        return Optional.of(new RegistryChange(name, SAM_HIVE, effect, sam -> {
            try {
                apply(accounts, sam, system, now, setting, context);
            } catch (ServicingException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }));
    }

    /** Makes the changes in sam (in memory) and says what they are, without passwords. */
    private static String apply(Accounts accounts, Hive sam, Hive system, long now, Setting setting, PlanContext context)
            throws ServicingException {
        List<String> done = new ArrayList<>();
        try {
            SamDatabase database = SamDatabase.open(sam, system);
            if (accounts.administratorPassword().isPresent()) {
                database.setPassword(SamDatabase.ADMINISTRATOR, accounts.administratorPassword().get(), now);
                done.add("set the password of the built-in Administrator (RID 500) and enable it");
            }
            for (LocalAccount account : accounts.local()) {
                if (database.userRid(account.name()).isPresent() || database.alias(account.name()).isPresent()) {
                    throw context.invalid(setting, "The image already has an account or group named " + account.name()
                            + "; remove it from OfflineLocalAccounts or rename it.");
                }
                List<SamDatabase.Alias> groups = groups(database, account.groups(), setting, context);
                int rid = database.createUser(account.name(), account.displayName(), account.description(),
                        account.password(), now);
                Sid sid = database.machineSid().withRid(rid);
                for (SamDatabase.Alias group : groups) {
                    database.addMember(group, sid);
                }
                done.add("create the local account " + account.name() + " (" + sid + ")" + (account.password().isEmpty()
                        ? " without a password" : " with its password") + in(groups));
            }
            for (DomainAccount account : accounts.domain()) {
                List<SamDatabase.Alias> groups = groups(database, account.groups(), setting, context);
                for (SamDatabase.Alias group : groups) {
                    database.addMember(group, account.sid());
                }
                done.add("add the domain account " + account.sid() + " to" + in(groups).substring(" in".length()));
            }
        } catch (UnsupportedSamException e) {
            throw new ServicingException(ServicingException.NOT_SUPPORTED_OFFLINE, e.getMessage()
                    + " Remove OfflineUserAccounts from the offlineServicing pass, or let Windows Setup apply this file.");
        } catch (SamFormatException e) {
            throw new ServicingException(ServicingException.BAD_FORMAT, "The accounts of the image cannot be changed: "
                    + e.getMessage());
        }
        return "HKLM\\SAM: " + String.join("; ", done);
    }

    private static String in(List<SamDatabase.Alias> groups) {
        return groups.isEmpty() ? "" : " in " + String.join(", ", groups.stream().map(SamDatabase.Alias::name).toList());
    }

    private static List<SamDatabase.Alias> groups(SamDatabase database, List<String> names, Setting setting,
            PlanContext context) throws ServicingException {
        List<SamDatabase.Alias> groups = new ArrayList<>();
        for (String name : names) {
            groups.add(database.alias(name).orElseThrow(() -> context.invalid(setting, "The image has no local group \""
                    + name + "\"; its groups are " + String.join(", ", database.aliasNames()) + ".")));
        }
        return groups;
    }

    private static Accounts read(Setting setting, PlanContext context) throws ServicingException {
        Optional<String> administrator = Optional.empty();
        Setting adminPassword = setting.getSetting("OfflineAdministratorPassword");
        if (adminPassword != null) {
            administrator = Optional.of(password(adminPassword, "OfflineAdministratorPassword", context));
        }
        List<LocalAccount> local = new ArrayList<>();
        Setting locals = setting.getSetting("OfflineLocalAccounts");
        for (Setting item : locals == null ? List.<Setting>of() : locals.getSettings()) {
            if (skipped(item, context)) {
                continue;
            }
            String name = text(item, "Name");
            if (name.isEmpty()) {
                throw context.invalid(item, "A LocalAccount of OfflineLocalAccounts has no Name.");
            }
            Setting password = item.getSetting("Password");
            local.add(new LocalAccount(name, password == null ? "" : password(password, "Password", context),
                    text(item, "DisplayName"), text(item, "Description"), list(text(item, "Group"))));
        }
        List<DomainAccount> domain = new ArrayList<>();
        Setting domains = setting.getSetting("OfflineDomainAccounts");
        for (Setting item : domains == null ? List.<Setting>of() : domains.getSettings()) {
            if (skipped(item, context)) {
                continue;
            }
            Sid sid;
            try {
                sid = Sid.parse(text(item, "SID"));
            } catch (IllegalArgumentException e) {
                throw context.invalid(item, "The SID of an OfflineDomainAccount: " + e.getMessage()
                        + "; give the account's security identifier.");
            }
            List<String> groups = list(text(item, "Group"));
            if (groups.isEmpty()) {
                throw context.invalid(item, "The OfflineDomainAccount " + sid + " names no Group to add it to.");
            }
            domain.add(new DomainAccount(sid, groups));
        }
        return new Accounts(administrator, local, domain);
    }

    private static boolean skipped(Setting item, PlanContext context) {
        if ("remove".equals(item.getAction())) {
            context.warnings().add(OfflineSettings.SHELL_SETUP + " | OfflineUserAccounts | " + item.getName() + "["
                    + item.getKeyValue() + "] (" + Positions.of(item) + ") has wcm:action=\"remove\"; there is no earlier"
                    + " answer file to remove it from, so it is skipped.");
            return true;
        }
        return false;
    }

    /**
     * The password of a Password element: Value as written when PlainText is true (or absent), else Windows SIM's
     * encoded form, base64 of the UTF-16LE password followed by the setting's name.
     */
    static String password(Setting password, String settingName, PlanContext context) throws ServicingException {
        String value = password.getSetting("Value") == null || password.getSetting("Value").getValue() == null ? ""
                : password.getSetting("Value").getValue();
        Setting plain = password.getSetting("PlainText");
        if (plain == null || context.booleanValue(settingName + " | PlainText", plain)) {
            return value;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(value.strip()), StandardCharsets.UTF_16LE);
            if (decoded.endsWith(settingName)) {
                return decoded.substring(0, decoded.length() - settingName.length());
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw context.invalid(password, settingName + " has PlainText false, but its Value is not the encoded form"
                + " Windows SIM writes (base64 of the UTF-16LE password followed by \"" + settingName + "\"); write the"
                + " password as plain text with PlainText true, or let Windows SIM hide it.");
    }

    private static String text(Setting item, String name) {
        Setting child = item.getSetting(name);
        return child == null ? "" : PlanContext.text(child);
    }

    private static List<String> list(String groups) {
        return Arrays.stream(groups.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static long fileTimeNow() {
        Instant now = Instant.now();
        return Duration.between(Instant.parse("1601-01-01T00:00:00Z"), now).getSeconds() * 10_000_000L
                + now.getNano() / 100;
    }
}
