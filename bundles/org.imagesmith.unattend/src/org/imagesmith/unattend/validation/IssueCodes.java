package org.imagesmith.unattend.validation;

/**
 * The codes of the problems the validator reports ({@link Problem#code()}), shared by the validator, the editor's
 * quick fixes and the servicing engine, which decide by them.
 */
public final class IssueCodes {
    /** A settings element whose pass attribute names no configuration pass. */
    public static final String UNKNOWN_PASS = "unknown-pass";
    /** A processorArchitecture that names no processor architecture. */
    public static final String INVALID_ARCHITECTURE = "invalid-architecture";
    /** A component or package for another architecture than the target image's. */
    public static final String ARCHITECTURE_MISMATCH = "architecture-mismatch";
    /** A component the catalog does not know. */
    public static final String UNKNOWN_COMPONENT = "unknown-component";
    /** A component or setting in a pass where it does not act. */
    public static final String WRONG_PASS = "wrong-pass";
    /** A wrong value, wcm:action or shape (value against child settings). */
    public static final String INVALID_VALUE = "invalid-value";
    /** A setting the catalog does not know for its component. */
    public static final String UNKNOWN_SETTING = "unknown-setting";
    /** A component or setting that the target Windows version does not have (Windows Setup skips it there). */
    public static final String NOT_IN_VERSION = "not-in-version";
    /** A deprecated setting. */
    public static final String DEPRECATED_SETTING = "deprecated-setting";
    /** A list item whose key repeats an earlier item's. */
    public static final String DUPLICATE_KEY = "duplicate-key";
    /** The same component (name, architecture, language) twice in one pass. */
    public static final String DUPLICATE_COMPONENT = "duplicate-component";
    /** Text next to child elements (mixed content), part of which Windows ignores. */
    public static final String MIXED_CONTENT = "mixed-content";
    /** A template placeholder (${...}, {{...}}, $Name, %NAME%) left unfilled where Windows does not expand it. */
    public static final String UNFILLED_PLACEHOLDER = "unfilled-placeholder";
    /** A setting of the offlineServicing pass that Windows applies and Imagesmith does not. */
    public static final String NOT_APPLIED_OFFLINE = "not-applied-offline";
    /** A package without assemblyIdentity. */
    public static final String MISSING_IDENTITY = "missing-identity";
    /** A package source that is missing or does not exist. */
    public static final String MISSING_SOURCE = "missing-source";
    /** A package source that cannot be checked here (network or Windows path). */
    public static final String SOURCE_NOT_CHECKED = "source-not-checked";
    /** A language pack installed after an update. */
    public static final String LANGUAGE_PACK_AFTER_UPDATE = "update-before-language-pack";
    /** A package installed before a package it needs. */
    public static final String DEPENDENCY_ORDER = "dependency-order";

    private IssueCodes() {
    }
}
