package org.imagesmith.wim;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Exports an image of one WIM file into another (DISM's /Export-Image, ImageX /export), as wimlib's export does:
 * the streams the target lacks are copied (as stored when the compression and chunk size match, else decompressed
 * and compressed again), then the image's metadata resource, and its XML description with all its elements (the
 * WINDOWS element among them), renamed when a name is given; the header's reparse-point fixup flag (RP_FIX) comes
 * with it. The same copy serves the commit and the deletion of an image, which rewrite a file from its own images.
 */
public final class ImageExport {
    private ImageExport() {
    }

    /**
     * Exports image {@code index} of {@code source} into the file {@code writer} writes.
     *
     * @param name the image's new name, or empty to keep its own
     * @param description its new description (an empty string removes it), or empty to keep its own
     * @throws IllegalArgumentException when the source has no such image or the target has an image of that name
     * @throws WimFormatException when the source is damaged
     */
    public static void exportImage(WimWriter writer, WimFile source, int index, Optional<String> name,
            Optional<String> description) throws IOException {
        if (index < 1 || index > source.imageCount()) {
            throw new IllegalArgumentException(source.noSuchImage("index " + index));
        }
        writer.checkNewName(name.orElse(source.image(index).name()));
        copyImage(writer, source, index, name, description);
    }

    /** Copies image {@code index} of {@code source} into {@code writer}, without checking its name. */
    static void copyImage(WimWriter writer, WimFile source, int index, Optional<String> name,
            Optional<String> description) throws IOException {
        byte[] metadata = source.readMetadataResource(index);
        ImageMetadata parsed = ImageMetadata.parse(metadata);
        LookupTable table = source.lookupTable();
        Set<Sha1Digest> needed = new LinkedHashSet<>();
        List<LookupEntry> toCopy = new ArrayList<>();
        for (Dentry dentry : parsed.entries()) {
            for (Sha1Digest hash : WimWriter.references(dentry)) {
                if (!writer.holdsStream(hash) && needed.add(hash)) {
                    toCopy.add(table.find(hash).orElseThrow(() -> new WimFormatException("the file "
                            + dentry.path() + " of image " + index + " of " + source.path() + " has data with SHA-1 "
                            + hash + ", which its lookup table does not list; " + (source.hasAllParts()
                                    ? "the WIM file is damaged" : "it lies in another part of the split WIM"))));
                }
            }
        }
        // in the source's order: a solid resource's chunks are each decompressed once
        for (LookupEntry entry : source.resourceReader().inReadOrder(toCopy)) {
            writer.copyStream(source, entry);
        }
        LookupEntry metadataEntry = table.metadataResources().get(index - 1);
        ResourceHeader resource = writer.copyMetadataResource(source, metadataEntry, metadata);
        ImageXml xml = ImageXml.readAll(WimWriter.rawXml(source), source.imageCount()).get(index - 1);
        String imageName = name.orElse(source.image(index).name());
        if (name.isPresent()) {
            xml = xml.with("NAME", name.get());
        }
        if (description.isPresent()) {
            xml = description.get().isEmpty() ? xml.without("DESCRIPTION") : xml.with("DESCRIPTION", description.get());
        }
        // as wimlib's export: links the source's capture fixed up stay fixed up when applied from this file
        writer.addCopiedImage(resource, metadataEntry.hash(), parsed, xml, imageName,
                source.header().flags() & WimHeader.FLAG_RP_FIX);
    }
}
