package org.imagesmith.unattend.dsl.conversion;

import java.util.Set;
import java.util.regex.Pattern;

import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.IGrammarAccess;
import org.eclipse.xtext.conversion.IValueConverter;
import org.eclipse.xtext.conversion.ValueConverter;
import org.eclipse.xtext.conversion.ValueConverterException;
import org.eclipse.xtext.conversion.impl.AbstractDeclarativeValueConverterService;
import org.eclipse.xtext.nodemodel.INode;

import com.google.inject.Inject;

/**
 * The notations of the answer-file language: words (ID, ^ before a keyword), strings in double quotes (backslashes
 * are plain characters, a quote is written twice), values that are either, and XML comments.
 */
public class UnattendDslValueConverters extends AbstractDeclarativeValueConverterService {
    /** The ID terminal of the grammar, without the leading ^. */
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_0-9\\u00A0-\\uFFFD][A-Za-z_0-9\\-.\\u00A0-\\uFFFD]*");

    private Set<String> keywords = Set.of();

    @Inject
    void readKeywords(IGrammarAccess grammarAccess) {
        keywords = GrammarUtil.getAllKeywords(grammarAccess.getGrammar());
    }

    /** Words: identifiers, with ^ in front of a keyword. */
    @ValueConverter(rule = "ID")
    public IValueConverter<String> ID() {
        return new IValueConverter<>() {
            @Override
            public String toValue(String string, INode node) {
                return string == null ? null : string.startsWith("^") ? string.substring(1) : string;
            }

            @Override
            public String toString(String value) {
                if (value == null || !IDENTIFIER.matcher(value).matches()) {
                    throw new ValueConverterException("'" + value + "' is not a word of the language; quote it", null, null);
                }
                return keywords.contains(value) ? "^" + value : value;
            }
        };
    }

    /** Strings: "text", with "" for a quote inside. */
    @ValueConverter(rule = "STRING")
    public IValueConverter<String> STRING() {
        return new IValueConverter<>() {
            @Override
            public String toValue(String string, INode node) {
                return unquote(string, node);
            }

            @Override
            public String toString(String value) {
                return quote(value);
            }
        };
    }

    /** Names and words: bare when they are identifiers, quoted otherwise. */
    @ValueConverter(rule = "Value")
    public IValueConverter<String> Value() {
        IValueConverter<String> id = ID();
        return new IValueConverter<>() {
            @Override
            public String toValue(String string, INode node) {
                if (string == null) {
                    return null;
                }
                return string.startsWith("\"") ? unquote(string, node) : id.toValue(string, node);
            }

            @Override
            public String toString(String value) {
                return value != null && IDENTIFIER.matcher(value).matches() ? id.toString(value) : quote(value);
            }
        };
    }

    /** XML comments: &lt;!--text--&gt;. */
    @ValueConverter(rule = "XML_COMMENT")
    public IValueConverter<String> XML_COMMENT() {
        return new IValueConverter<>() {
            @Override
            public String toValue(String string, INode node) {
                if (string == null) {
                    return null;
                }
                if (!string.startsWith("<!--") || !string.endsWith("-->") || string.length() < 7) {
                    throw new ValueConverterException("an XML comment is written <!-- text -->", node, null);
                }
                return string.substring(4, string.length() - 3);
            }

            @Override
            public String toString(String value) {
                if (value.contains("--") || value.endsWith("-")) {
                    throw new ValueConverterException("the comment '" + value + "' contains '--' or ends with '-', which XML does not allow", null, null);
                }
                return "<!--" + value + "-->";
            }
        };
    }

    private static String unquote(String string, INode node) {
        if (string == null) {
            return null;
        }
        if (string.length() < 2 || !string.startsWith("\"") || !string.endsWith("\"")) {
            throw new ValueConverterException("a string is written in double quotes: \"text\"", node, null);
        }
        return string.substring(1, string.length() - 1).replace("\"\"", "\"");
    }

    private static String quote(String value) {
        if (value == null) {
            throw new ValueConverterException("a string value is missing", null, null);
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
