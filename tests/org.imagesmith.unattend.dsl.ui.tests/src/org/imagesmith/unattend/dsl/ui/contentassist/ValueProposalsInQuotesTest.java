package org.imagesmith.unattend.dsl.ui.contentassist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.eclipse.jface.text.Document;
import org.eclipse.jface.text.contentassist.CompletionProposal;
import org.imagesmith.testsupport.NoLoggedErrors;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A value proposed with the caret (^) inside the quotes replaces them: "t^" gives "true", not "true"". */
@ExtendWith(NoLoggedErrors.class)
class ValueProposalsInQuotesTest {
    private static final String TEXT = """
            unattend {
                pass windowsPE {
                    component Microsoft-Windows-Setup amd64 {
                        UserData { AcceptEula = TYPED }
                    }
                }
            }
            """;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "\"t^\"   | true",
        "\"^\"    | true",
        "\"fa^\"  | false",
        "\"fa^    | false",
        "^        | true",
    })
    void aChosenValueIsQuotedOnce(String typed, String value) {
        String before = typed.strip();
        int caret = TEXT.indexOf("TYPED") + before.indexOf('^');
        String text = TEXT.replace("TYPED", before.replace("^", ""));
        List<CompletionProposal> proposals = new AnswerFileContentAssistProcessor().proposals(text, caret);
        CompletionProposal chosen = proposals.stream().filter(p -> p.getDisplayString().startsWith(value))
                .findFirst().orElseThrow(() -> new AssertionError("no " + value + " among "
                        + proposals.stream().map(CompletionProposal::getDisplayString).toList()));
        Document document = new Document(text);
        chosen.apply(document);
        assertEquals(TEXT.replace("TYPED", "\"" + value + "\""), document.get());
    }
}
