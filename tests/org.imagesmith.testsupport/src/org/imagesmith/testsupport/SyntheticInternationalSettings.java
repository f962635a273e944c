package org.imagesmith.testsupport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.imagesmith.registry.Hive;
import org.imagesmith.registry.RegistryKey;

/**
 * The international settings of a fresh en-US Windows 7 installation, added to a synthetic image: in SYSTEM the
 * Nls\Language and Nls\Locale values, TimeZoneInformation for Pacific Standard Time, MUI\UILanguages\en-US and a
 * few Keyboard Layouts; in SOFTWARE two Time Zones keys with their real TZI data; and the default user's hive
 * Users\Default\NTUSER.DAT with Control Panel\International and Keyboard Layout\Preload.
 */
public final class SyntheticInternationalSettings {
    /** The keyboard layouts the image has (Control\Keyboard Layouts). */
    public static final List<String> KEYBOARD_LAYOUTS = List.of("00000409", "00020409", "00010409", "00000809",
            "00000407", "0000040c", "0000040a", "00000411", "00011009");
    private static final String CONTROL = "ControlSet001\\Control\\";
    private static final String TIME_ZONES = "Microsoft\\Windows NT\\CurrentVersion\\Time Zones\\";

    private SyntheticInternationalSettings() {
    }

    /** Adds the settings to the image under root (written by {@link SyntheticWindowsImage} or {@link SyntheticWindowsPe}). */
    public static Path addTo(Path root) throws IOException {
        Path config = root.resolve("Windows/System32/config");
        Hive system = Hive.open(config.resolve("SYSTEM"));
        RegistryKey language = system.root().createKey(CONTROL + "Nls\\Language");
        language.setString("Default", "0409");
        language.setString("InstallLanguage", "0409");
        system.root().createKey(CONTROL + "Nls\\Locale").setString("", "00000409");
        RegistryKey zone = system.root().createKey(CONTROL + "TimeZoneInformation");
        zone.setDword("Bias", 480);
        zone.setDword("ActiveTimeBias", 420);
        zone.setDword("StandardBias", 0);
        zone.setDword("DaylightBias", -60);
        zone.setBinary("StandardStart", systemTime(11, 1, 2));
        zone.setBinary("DaylightStart", systemTime(3, 2, 2));
        zone.setString("StandardName", "@tzres.dll,-212");
        zone.setString("DaylightName", "@tzres.dll,-211");
        zone.setString("TimeZoneKeyName", "Pacific Standard Time");
        zone.setDword("DynamicDaylightTimeDisabled", 0);
        RegistryKey english = system.root().createKey(CONTROL + "MUI\\UILanguages\\en-US");
        english.setDword("LCID", 0x409);
        english.setDword("Type", 0x111);
        for (String klid : KEYBOARD_LAYOUTS) {
            RegistryKey layout = system.root().createKey(CONTROL + "Keyboard Layouts\\" + klid);
            layout.setString("Layout File", klid.equals("00000409") ? "KBDUS.DLL" : "KBD" + klid.substring(4) + ".DLL");
        }
        system.save(config.resolve("SYSTEM"));

        Hive software = Hive.open(config.resolve("SOFTWARE"));
        timeZone(software, "Pacific Standard Time", "(UTC-08:00) Pacific Time (US & Canada)", 480, -60,
                systemTime(11, 1, 2), systemTime(3, 2, 2), "@tzres.dll,-212", "@tzres.dll,-211");
        timeZone(software, "W. Europe Standard Time", "(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna",
                -60, -60, systemTime(10, 5, 3), systemTime(3, 5, 2), "@tzres.dll,-322", "@tzres.dll,-321");
        software.save(config.resolve("SOFTWARE"));

        Hive user = Hive.create();
        RegistryKey international = user.root().createKey("Control Panel\\International");
        international.setString("Locale", "00000409");
        international.setString("LocaleName", "en-US");
        international.setString("sCountry", "United States");
        user.root().createKey("Control Panel\\Desktop").setString("Wallpaper", "");
        user.root().createKey("Keyboard Layout\\Preload").setString("1", "00000409");
        user.root().createKey("Keyboard Layout\\Substitutes");
        user.save(Files.createDirectories(root.resolve("Users/Default")).resolve("NTUSER.DAT"));
        return root;
    }

    private static void timeZone(Hive software, String name, String display, int bias, int daylightBias,
            byte[] standardDate, byte[] daylightDate, String muiStd, String muiDlt) {
        RegistryKey key = software.root().createKey(TIME_ZONES + name);
        key.setString("Display", display);
        key.setString("Std", name);
        key.setString("Dlt", name.replace("Standard", "Daylight"));
        key.setString("MUI_Std", muiStd);
        key.setString("MUI_Dlt", muiDlt);
        key.setString("MUI_Display", "@tzres.dll,-" + (Integer.parseInt(muiStd.replaceAll("\\D", "")) - 2));
        key.setBinary("TZI", ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN).putInt(bias).putInt(0)
                .putInt(daylightBias).put(standardDate).put(daylightDate).array());
    }

    /** A SYSTEMTIME for a yearly rule: month, week of the month (5 = last), Sunday, at hour. */
    public static byte[] systemTime(int month, int week, int hour) {
        return ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 0).putShort((short) month)
                .putShort((short) 0).putShort((short) week).putShort((short) hour).putShort((short) 0)
                .putShort((short) 0).putShort((short) 0).array();
    }
}
