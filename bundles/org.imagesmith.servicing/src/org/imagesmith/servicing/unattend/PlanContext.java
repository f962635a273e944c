package org.imagesmith.servicing.unattend;

import java.util.List;
import org.imagesmith.registry.Hive;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.unattend.model.Setting;

/**
 * What a handler of an offlineServicing setting works with while the apply is planned.
 *
 * @param paths the answer file and how its paths resolve
 * @param system the image's SYSTEM hive (read only while planning)
 * @param warnings where to say what is left as it is, and why
 */
record PlanContext(SourcePaths paths, Hive system, List<String> warnings) {

    /** The error for a value that cannot be applied as written, with its position. */
    ServicingException invalid(Setting setting, String message) {
        return new ServicingException(UnattendServicing.INVALID_ANSWER_FILE, paths.answerFile() + ":"
                + Positions.of(setting) + ": " + message);
    }

    /**
     * The value of a simple setting as Windows reads it: its text, or the text written next to child elements (which
     * Windows reads and the validator warns about); empty when it has none.
     */
    static String text(Setting setting) {
        String value = setting.getValue() != null ? setting.getValue() : setting.getMixedText();
        return value == null ? "" : value.trim();
    }

    /** true or false (in any case), as answer files write booleans. */
    boolean booleanValue(String name, Setting setting) throws ServicingException {
        String value = text(setting);
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return value.equalsIgnoreCase("true");
        }
        throw invalid(setting, name + " is '" + value + "'; write true or false.");
    }
}
