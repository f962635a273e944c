package org.imagesmith.servicing.pe;

/**
 * The settings of a Windows PE image, as /Get-PESettings reports them: the scratch space (the writable space, in
 * MB, of the system volume when booted from a RAM disk) and the target path (the root of the image at boot time).
 */
public record WindowsPeSettings(int scratchSpace, String targetPath) {
}
