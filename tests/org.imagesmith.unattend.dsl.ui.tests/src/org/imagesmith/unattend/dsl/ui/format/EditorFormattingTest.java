package org.imagesmith.unattend.dsl.ui.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.eclipse.xtext.formatting2.regionaccess.ITextReplacement;
import org.eclipse.xtext.resource.XtextResource;
import org.imagesmith.testsupport.NoLoggedErrors;
import org.imagesmith.unattend.dsl.formatting2.AnswerFileFormatter;
import org.imagesmith.unattend.dsl.ui.AnswerFileLanguage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Where the caret goes when the editor formats. */
@ExtendWith(NoLoggedErrors.class)
class EditorFormattingTest {
    private static final String TEXT = "unattend {   pass windowsPE {}\n\n\n\n}";

    private static List<ITextReplacement> replacements(String text) {
        XtextResource resource = AnswerFileLanguage.parse(text, null);
        return AnswerFileLanguage.injector().getInstance(AnswerFileFormatter.class).replacements(resource);
    }

    @Test
    void keepsAnOffsetOnTheCharacterItWasOn() {
        List<ITextReplacement> replacements = replacements(TEXT);
        String formatted = AnswerFileFormatter.apply(TEXT, replacements);
        assertEquals("unattend {\n    pass windowsPE {}\n}\n", formatted);
        for (String token : List.of("unattend", "pass", "windowsPE", "{}", "}")) {
            int before = token.equals("}") ? TEXT.lastIndexOf(token) : TEXT.indexOf(token);
            int after = token.equals("}") ? formatted.lastIndexOf(token, formatted.length() - 2) : formatted.indexOf(token);
            assertEquals(after, EditorFormatting.offsetAfter(replacements, before), token);
        }
        assertEquals(formatted.length(), EditorFormatting.offsetAfter(replacements, TEXT.length()), "the end stays the end");
    }

    @Test
    void movesAnOffsetInChangedWhiteSpaceAsFarIntoTheNewWhiteSpaceAsItCan() {
        List<ITextReplacement> replacements = replacements(TEXT);
        int inBlankLines = TEXT.indexOf("\n\n") + 2;
        assertEquals("unattend {\n    pass windowsPE {}\n".length(), EditorFormatting.offsetAfter(replacements, inBlankLines));
        int afterBrace = TEXT.indexOf('{') + 1;
        assertEquals(afterBrace, EditorFormatting.offsetAfter(replacements, afterBrace), "right after a token stays after it");
    }
}
