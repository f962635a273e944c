package org.imagesmith.unattend.catalog;

/** The type of a setting's value. */
public enum ValueType {
    /** Free text, optionally with a maximum length. */
    STRING,
    /** true or false. */
    BOOLEAN,
    /** A decimal integer, optionally within min and max. */
    INTEGER,
    /** One of a fixed set of values. */
    ENUM,
    /** Values separated by ';' (InputLocale, Group). */
    LIST,
    /** No value: the setting holds child settings. */
    COMPLEX
}
