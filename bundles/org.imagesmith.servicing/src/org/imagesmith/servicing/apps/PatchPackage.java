package org.imagesmith.servicing.apps;

import java.nio.file.Path;
import java.util.List;

/**
 * A Windows Installer patch (.msp) as its summary information and transforms describe it.
 *
 * @param targetProductCodes the products it patches (the Template property)
 * @param patchCode the patch's GUID (the first GUID of the Revision Number)
 * @param obsoletedPatchCodes the patches it makes obsolete (the rest of the Revision Number)
 * @param transformNames the transform storages it lists (Last Saved By), without the leading colon
 * @param transforms the product transforms among them that the file holds, as their summary information says
 */
public record PatchPackage(Path file, InstallerSummaryInformation summary, List<PackedGuid> targetProductCodes,
        PackedGuid patchCode, List<PackedGuid> obsoletedPatchCodes, List<String> transformNames,
        List<PatchTransform> transforms) {

    public PatchPackage {
        targetProductCodes = List.copyOf(targetProductCodes);
        obsoletedPatchCodes = List.copyOf(obsoletedPatchCodes);
        transformNames = List.copyOf(transformNames);
        transforms = List.copyOf(transforms);
    }

    /**
     * Reads a patch.
     *
     * @throws InstallerFileException when the file is not a compound file, is damaged, or is not a patch
     */
    public static PatchPackage read(Path file) throws InstallerFileException {
        return CompoundFileReader.readPatch(file);
    }

    /** The patch's transforms that change this product. */
    public List<PatchTransform> transformsFor(PackedGuid productCode) {
        return transforms.stream().filter(t -> t.targetProductCode().equals(productCode)).toList();
    }
}
