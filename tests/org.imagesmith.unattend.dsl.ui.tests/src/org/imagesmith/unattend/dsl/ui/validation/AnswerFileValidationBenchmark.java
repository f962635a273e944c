package org.imagesmith.unattend.dsl.ui.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.xtext.util.CancelIndicator;
import org.imagesmith.unattend.catalog.Catalog;
import org.imagesmith.unattend.catalog.ComponentDefinition;
import org.imagesmith.unattend.catalog.SettingDefinition;
import org.imagesmith.unattend.catalog.ValueType;
import org.imagesmith.unattend.dsl.ui.AnswerFileLanguage;
import org.imagesmith.unattend.dsl.ui.highlighting.AnswerFileTokens;
import org.imagesmith.unattend.model.Pass;

/**
 * Measures what the editor does after each keystroke on a large answer file: lex the whole text (highlighting),
 * parse it and validate it
 * (releng/benchmarks/answer-file-editor-benchmark.sh runs it). Not a test: it prints times, it asserts nothing.
 *
 * <p>Arguments: [components, default 2000] [measured runs, default 20].
 */
public final class AnswerFileValidationBenchmark {
    private AnswerFileValidationBenchmark() {
    }

    public static void main(String[] args) {
        int components = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        StringBuilder text = new StringBuilder(generate(components));
        int changed = text.indexOf("<!-- value " + components / 2 + " ") + "<!-- ".length();
        if (changed <= 0) {
            throw new IllegalStateException("the generated file has no value to change");
        }
        long startup = System.nanoTime();
        List<EditorProblem> problems = AnswerFileChecks.checkText(text.toString(), null, null, CancelIndicator.NullImpl);
        double firstMillis = (System.nanoTime() - startup) / 1e6;
        for (int i = 0; i < 5; i++) {
            change(text, changed, i);
            AnswerFileChecks.checkText(text.toString(), null, null, CancelIndicator.NullImpl);
        }
        AnswerFileTokens tokens = new AnswerFileTokens();
        double[] lex = new double[runs];
        double[] parse = new double[runs];
        double[] check = new double[runs];
        for (int i = 0; i < runs; i++) {
            change(text, changed, i);
            long start = System.nanoTime();
            tokens.tokens(text.toString());
            lex[i] = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            AnswerFileLanguage.parse(text.toString(), null);
            parse[i] = (System.nanoTime() - start) / 1e6;
            change(text, changed, i + 1);
            start = System.nanoTime();
            problems = AnswerFileChecks.checkText(text.toString(), null, null, CancelIndicator.NullImpl);
            check[i] = (System.nanoTime() - start) / 1e6;
        }
        System.out.printf(Locale.ROOT, "Answer file: %d components, %d lines, %d characters; %d problems found%n",
                components, text.chars().filter(c -> c == '\n').count(), text.length(), problems.size());
        System.out.printf(Locale.ROOT, "First check (language set up, JIT cold): %.0f ms%n", firstMillis);
        System.out.printf(Locale.ROOT, "Highlighting (lexing the whole text, on the UI thread): median %.1f ms (min %.1f, max %.1f)%n",
                median(lex), min(lex), max(lex));
        System.out.printf(Locale.ROOT, "After a one-character change, %d runs: parse only median %.1f ms (min %.1f, max %.1f); "
                + "parse + validate median %.1f ms (min %.1f, max %.1f)%n", runs, median(parse), min(parse), max(parse),
                median(check), min(check), max(check));
    }

    /** Toggles one character of a value between two letters. */
    private static void change(StringBuilder text, int offset, int run) {
        text.setCharAt(offset, run % 2 == 0 ? 'w' : 'v');
    }

    /** An answer file of count components from the catalog, each in a pass it acts in, with simple settings. */
    static String generate(int count) {
        List<ComponentDefinition> catalog = new ArrayList<>(Catalog.standard().components().values());
        Map<Pass, StringBuilder> passes = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            ComponentDefinition component = catalog.get(i % catalog.size());
            Pass pass = component.passes().isEmpty() ? Pass.SPECIALIZE : component.passes().iterator().next();
            StringBuilder body = passes.computeIfAbsent(pass, p -> new StringBuilder());
            body.append("        component ").append(component.name()).append(" amd64 {\n");
            int settings = 0;
            for (SettingDefinition setting : component.settings().values()) {
                boolean actsInPass = setting.passes().isEmpty() || setting.passes().contains(pass);
                if (setting.type() == ValueType.COMPLEX || !actsInPass || settings == 3) {
                    continue;
                }
                body.append("            ").append(setting.name()).append(" = \"").append(value(setting, i)).append("\"\n");
                settings++;
            }
            body.append("            <!-- value ").append(i).append(" -->\n");
            body.append("        }\n");
        }
        StringBuilder text = new StringBuilder("unattend {\n");
        passes.forEach((pass, body) -> text.append("    pass ").append(pass.getLiteral()).append(" {\n").append(body)
                .append("    }\n"));
        return text.append("}\n").toString();
    }

    private static String value(SettingDefinition setting, int i) {
        return switch (setting.type()) {
            case BOOLEAN -> "true";
            case ENUM -> setting.values().get(0);
            case INTEGER -> String.valueOf(setting.min() == null ? 1 : setting.min());
            default -> "text " + i;
        };
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(0);
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(0);
    }
}
