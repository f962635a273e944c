package org.imagesmith.testsupport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Windows Installer files built with msitools' msibuild (Debian package msitools), the oracle that also reads them
 * back (msiinfo). An .msi gets summary information and a Property table. msitools cannot make a patch, so an .msp
 * is an installer database built the same way (the patch's summary information: Template = target product codes,
 * Revision Number = patch code; an MsiPatchMetadata table) whose root storage then gets the patch class ID
 * {000C1086-0000-0000-C000-000000000046} written over the database's one, in the compound file's directory.
 */
public final class SyntheticInstallerFiles {
    private static final ExternalTool MSIBUILD = new ExternalTool("msibuild", "msitools");
    private static final ExternalTool MSIINFO = new ExternalTool("msiinfo", "msitools");
    /** The class ID of a patch package's root storage. */
    public static final String PATCH_CLASS_ID = "{000C1086-0000-0000-C000-000000000046}";

    private SyntheticInstallerFiles() {
    }

    /** Builds an .msi whose summary information and Property table describe the product. */
    public static Path msi(Path file, SyntheticInstallerProducts.Product product) throws IOException {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        MSIBUILD.run(file.toString(), "-q", "CREATE TABLE `Property` (`Property` CHAR(72) NOT NULL, `Value` LONGCHAR"
                + " NOT NULL LOCALIZABLE PRIMARY KEY `Property`)");
        Map<String, String> properties = Map.of("ProductCode", product.productCode(), "ProductName", product.name(),
                "ProductVersion", product.version(), "Manufacturer", product.publisher(), "ProductLanguage",
                Integer.toString(product.language()));
        for (Map.Entry<String, String> property : properties.entrySet()) {
            MSIBUILD.run(file.toString(), "-q", "INSERT INTO `Property` (`Property`, `Value`) VALUES ('"
                    + property.getKey() + "', '" + property.getValue() + "')");
        }
        MSIBUILD.run(file.toString(), "-s", product.name(), product.publisher(), "x64;" + product.language(),
                product.packageCode());
        return file;
    }

    /** Builds an .msp with this patch code that targets these products, with a display name in MsiPatchMetadata. */
    public static Path msp(Path file, String patchCode, List<String> targetProductCodes, String displayName)
            throws IOException {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        MSIBUILD.run(file.toString(), "-q", "CREATE TABLE `MsiPatchMetadata` (`Company` CHAR(72), `Property` CHAR(72)"
                + " NOT NULL, `Value` LONGCHAR NOT NULL PRIMARY KEY `Company`, `Property`)");
        MSIBUILD.run(file.toString(), "-q", "INSERT INTO `MsiPatchMetadata` (`Property`, `Value`) VALUES"
                + " ('DisplayName', '" + displayName + "')");
        MSIBUILD.run(file.toString(), "-s", displayName, "Contoso Ltd.", String.join(";", targetProductCodes), patchCode);
        setRootClassId(file, PATCH_CLASS_ID);
        return file;
    }

    /** What msiinfo suminfo prints for the file. */
    public static String summary(Path file) {
        return MSIINFO.run("suminfo", file.toString());
    }

    /** What msiinfo export prints for a table of the file. */
    public static String export(Path file, String table) {
        return MSIINFO.run("export", file.toString(), table);
    }

    /**
     * Writes a class ID over the root storage's in a compound file: the root is the first entry of the directory,
     * whose first sector the header names at offset 0x30 (sector size 2^(u16 at 0x1E)); its CLSID is at 0x50.
     */
    public static void setRootClassId(Path file, String classId) throws IOException {
        byte[] data = Files.readAllBytes(file);
        ByteBuffer header = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        int sectorSize = 1 << header.getShort(0x1E);
        long directory = ((header.getInt(0x30) & 0xFFFFFFFFL) + 1) * sectorSize;
        int at = Math.toIntExact(directory + 0x50);
        if (at + 16 > data.length) {
            throw new IOException(file + " is too short for its directory sector");
        }
        UUID uuid = UUID.fromString(classId.replace("{", "").replace("}", ""));
        ByteBuffer id = ByteBuffer.allocate(16);
        id.order(ByteOrder.LITTLE_ENDIAN).putInt((int) (uuid.getMostSignificantBits() >>> 32))
                .putShort((short) (uuid.getMostSignificantBits() >>> 16)).putShort((short) uuid.getMostSignificantBits());
        id.order(ByteOrder.BIG_ENDIAN).putLong(uuid.getLeastSignificantBits());
        System.arraycopy(id.array(), 0, data, at, 16);
        Files.write(file, data);
    }
}
