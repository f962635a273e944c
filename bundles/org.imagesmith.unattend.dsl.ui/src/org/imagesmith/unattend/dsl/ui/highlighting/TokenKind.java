package org.imagesmith.unattend.dsl.ui.highlighting;

/** What a highlighted token of the answer-file language is. */
public enum TokenKind {
    /** A word of the grammar (unattend, pass, component, package, ...). */
    KEYWORD,
    /** A quoted value. */
    STRING,
    /** A comment of the language (// and /* *&#47;) or an XML comment kept from Unattend.xml. */
    COMMENT
}
