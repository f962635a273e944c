package org.imagesmith.servicing.drivers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.imagesmith.inf.Architecture;
import org.imagesmith.servicing.OfflineImage;

/**
 * The driver store of an offline image as Windows 7 lays it out: each package staged in
 * Windows\System32\DriverStore\FileRepository\&lt;inf name&gt;_&lt;arch&gt;_neutral_&lt;16 hex digits&gt; with the
 * INF under its original name, its catalog and the files it copies; each third-party package published as
 * Windows\inf\oem&lt;N&gt;.inf, a copy of the staged INF. Inbox packages are the other INFs of Windows\inf.
 */
final class DriverStore {
    static final String FILE_REPOSITORY = "Windows\\System32\\DriverStore\\FileRepository";
    static final String INF_FOLDER = "Windows\\inf";
    private static final Pattern PUBLISHED = Pattern.compile("oem(\\d{1,9})\\.inf", Pattern.CASE_INSENSITIVE);

    private final OfflineImage image;

    DriverStore(OfflineImage image) {
        this.image = image;
    }

    /** True for a published third-party name, oem&lt;N&gt;.inf. */
    static boolean isPublishedName(String name) {
        return PUBLISHED.matcher(name).matches();
    }

    /** The published third-party INFs of the image, by number. */
    List<Path> publishedInfs() throws IOException {
        return infs(true);
    }

    /** The INFs of Windows\inf that are not published third-party packages (the inbox ones). */
    List<Path> inboxInfs() throws IOException {
        return infs(false);
    }

    private List<Path> infs(boolean published) throws IOException {
        List<Path> result = new ArrayList<>();
        for (String name : image.list(INF_FOLDER)) {
            if (name.toLowerCase(Locale.ROOT).endsWith(".inf") && isPublishedName(name) == published) {
                image.find(INF_FOLDER + "\\" + name).filter(Files::isRegularFile).ifPresent(result::add);
            }
        }
        result.sort(published ? Comparator.comparingLong(DriverStore::number)
                : Comparator.comparing(p -> p.getFileName().toString().toLowerCase(Locale.ROOT)));
        return result;
    }

    private static long number(Path published) {
        Matcher m = PUBLISHED.matcher(published.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : Long.MAX_VALUE;
    }

    /** The published INF of this name, if the image has it. */
    Optional<Path> published(String name) {
        return image.find(INF_FOLDER + "\\" + name).filter(Files::isRegularFile);
    }

    /** The first oem&lt;N&gt;.inf not yet used, as Windows numbers published packages. */
    String nextPublishedName() throws IOException {
        List<Long> used = publishedInfs().stream().map(DriverStore::number).toList();
        long n = 0;
        while (used.contains(n)) {
            n++;
        }
        return "oem" + n + ".inf";
    }

    /** The store folder name of a package: the INF's name, the architecture, and a digest of the INF and catalog. */
    static String folderName(String infName, Architecture architecture, byte[] inf, byte[] catalog) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(inf);
            sha1.update(catalog);
            String hash = HexFormat.of().formatHex(sha1.digest()).substring(0, 16);
            return infName.toLowerCase(Locale.ROOT) + "_" + architecture.infName() + "_neutral_" + hash;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The published INF whose bytes are these, if the package is already published. */
    Optional<Path> publishedWithContent(byte[] inf) throws IOException {
        for (Path published : publishedInfs()) {
            if (Files.size(published) == inf.length && Arrays.equals(Files.readAllBytes(published), inf)) {
                return Optional.of(published);
            }
        }
        return Optional.empty();
    }

    /**
     * The store folder (a Windows path) and staged INF of a published INF: the folder whose INF has the same bytes,
     * as Windows stages the INF that it publishes.
     */
    Optional<Path> stagedInf(Path published) throws IOException {
        byte[] content = Files.readAllBytes(published);
        for (String folder : image.list(FILE_REPOSITORY)) {
            String windowsFolder = FILE_REPOSITORY + "\\" + folder;
            for (String name : image.list(windowsFolder)) {
                if (!name.toLowerCase(Locale.ROOT).endsWith(".inf")) {
                    continue;
                }
                Optional<Path> inf = image.find(windowsFolder + "\\" + name).filter(Files::isRegularFile);
                if (inf.isPresent() && Files.size(inf.get()) == content.length
                        && Arrays.equals(Files.readAllBytes(inf.get()), content)) {
                    return inf;
                }
            }
        }
        return Optional.empty();
    }

    /** The local file of a Windows path inside the image. */
    Optional<Path> find(String windowsPath) {
        return image.find(windowsPath);
    }
}
