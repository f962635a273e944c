package org.imagesmith.servicing.apps;

/**
 * The summary information stream ({@code \005SummaryInformation}) of a Windows Installer file, with the meaning
 * each property has in the installer's files (its "Summary Property Descriptions"); empty strings and -1 stand for
 * properties the stream does not hold.
 *
 * @param template PID 7: "platform;languages" in a package and a transform, the target product codes in a patch
 * @param lastSavedBy PID 8: in a patch, the transform storages it carries (":RTM.1;:#RTM.1")
 * @param revisionNumber PID 9: the package code of a package; a patch's code followed by the codes it obsoletes;
 *        in a transform, the target and upgraded product codes and versions and the upgrade code
 * @param pageCount PID 14: the lowest installer version that can install the file (200 for 2.0)
 * @param wordCount PID 15: source flags of a package; in a patch, the lowest installer version for the patch
 * @param characterCount PID 16: a transform's validation flags (high word) and error-condition flags (low word)
 */
public record InstallerSummaryInformation(int codepage, String title, String subject, String author, String keywords,
        String comments, String template, String lastSavedBy, String revisionNumber, String creatingApplication,
        int pageCount, int wordCount, int characterCount, int security) {
}
