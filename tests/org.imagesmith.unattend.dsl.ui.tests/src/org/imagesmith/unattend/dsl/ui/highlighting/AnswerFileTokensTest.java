package org.imagesmith.unattend.dsl.ui.highlighting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.imagesmith.testsupport.NoLoggedErrors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoLoggedErrors.class)
class AnswerFileTokensTest {

    @Test
    void findsKeywordsStringsAndComments() {
        String text = "unattend {\n  /* lab */ pass windowsPE {\n    component ^pass amd64 { A = \"x \"\"y\"\"\" } // end\n  }\n}\n";
        List<HighlightedToken> tokens = new AnswerFileTokens().tokens(text);
        assertEquals(List.of(
                new HighlightedToken(0, 8, TokenKind.KEYWORD),
                new HighlightedToken(text.indexOf("/*"), "/* lab */".length(), TokenKind.COMMENT),
                new HighlightedToken(text.indexOf("pass"), 4, TokenKind.KEYWORD),
                new HighlightedToken(text.indexOf("component"), 9, TokenKind.KEYWORD),
                new HighlightedToken(text.indexOf("\"x"), "\"x \"\"y\"\"\"".length(), TokenKind.STRING),
                new HighlightedToken(text.indexOf("// end"), "// end\n".length(), TokenKind.COMMENT)), tokens,
                "an escaped name (^pass), punctuation and names are not highlighted");
    }

    @Test
    void anUnclosedStringOrCommentEndsTheTokensWithoutFailing() {
        List<HighlightedToken> tokens = new AnswerFileTokens().tokens("unattend { pass \"open /* never");
        assertEquals(new HighlightedToken(0, 8, TokenKind.KEYWORD), tokens.get(0));
    }
}
