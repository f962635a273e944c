package org.imagesmith.cli;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The known names closest to a misspelled one (edit distance, ignoring case), for "Did you mean ...?". */
final class NameSuggestions {
    private static final int MAX_SUGGESTIONS = 3;

    private NameSuggestions() {
    }

    /** The known names within a few edits of {@code given}, closest first; empty when none is close. */
    static List<String> closest(String given, Collection<String> known) {
        String wanted = given.toLowerCase(Locale.ROOT);
        int limit = Math.max(2, wanted.length() / 3);
        return known.stream().distinct()
                .map(name -> new Scored(name, distance(wanted, name.toLowerCase(Locale.ROOT))))
                .filter(s -> s.distance() <= limit)
                .sorted(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name))
                .limit(MAX_SUGGESTIONS).map(Scored::name).toList();
    }

    /** " Did you mean /A or /B?" or "" when nothing is close. */
    static String didYouMean(String given, Collection<String> known) {
        List<String> names = closest(given, known).stream().map(n -> "/" + n).toList();
        if (names.isEmpty()) {
            return "";
        }
        String last = names.get(names.size() - 1);
        String list = names.size() == 1 ? last : String.join(", ", names.subList(0, names.size() - 1)) + " or " + last;
        return " Did you mean " + list + "?";
    }

    private record Scored(String name, int distance) {
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
