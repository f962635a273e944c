package org.imagesmith.unattend.validation;

import org.imagesmith.unattend.catalog.SettingDefinition;

/** Checks a simple setting's value against its catalog type. */
final class ValueCheck {
    private ValueCheck() {
    }

    /** A message saying what is wrong with value, or null when it is valid. */
    static String check(SettingDefinition definition, String value) {
        String text = value == null ? "" : value;
        String trimmed = text.trim();
        switch (definition.type()) {
            case BOOLEAN:
                if (!trimmed.equalsIgnoreCase("true") && !trimmed.equalsIgnoreCase("false")) {
                    return "'" + text + "' is not a boolean; write true or false";
                }
                return null;
            case INTEGER:
                long number;
                try {
                    number = Long.parseLong(trimmed);
                } catch (NumberFormatException e) {
                    return "'" + text + "' is not a whole number";
                }
                if (definition.min() != null && number < definition.min()) {
                    return number + " is below the minimum " + definition.min();
                }
                if (definition.max() != null && number > definition.max()) {
                    return number + " is above the maximum " + definition.max();
                }
                return null;
            case ENUM:
                for (String allowed : definition.values()) {
                    if (allowed.equalsIgnoreCase(trimmed)) {
                        return null;
                    }
                }
                return "'" + text + "' is not one of " + String.join(", ", definition.values());
            case LIST:
                if (!trimmed.isEmpty()) {
                    for (String item : trimmed.split(";", -1)) {
                        if (item.isBlank()) {
                            return "'" + text + "' has an empty entry; separate values with a single ';'";
                        }
                    }
                }
                return null;
            case STRING:
                if (definition.minLength() != null && text.length() < definition.minLength()) {
                    return text.isEmpty() ? "the value is empty; Windows Setup needs a value here (remove the setting instead)"
                            : "the value is " + text.length() + " characters long; at least " + definition.minLength() + " are needed";
                }
                if (definition.maxLength() != null && text.length() > definition.maxLength()) {
                    return "the value is " + text.length() + " characters long; at most " + definition.maxLength() + " are allowed";
                }
                if (definition.pattern() != null && !text.isEmpty() && !definition.pattern().matches(text)) {
                    return "'" + text + "' is not " + definition.pattern().hint();
                }
                return null;
            default:
                return null;
        }
    }
}
