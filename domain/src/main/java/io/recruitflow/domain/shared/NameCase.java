package io.recruitflow.domain.shared;

import java.util.Locale;
import java.util.Set;

/**
 * Names as a person writes them, from names as lead sources deliver them. State license data comes in
 * capitals ("JOHN MCDONALD"), and an intro that says "Hi JOHN" reads like a form letter; spreadsheets also
 * leave runs of spaces and line breaks inside quoted names.
 *
 * <p>{@link #normalize} collapses every run of white space (line breaks, tabs, no-break spaces) to one space
 * and, when a name is written in capitals only, puts it in proper case:
 *
 * <ul>
 *   <li>the first letter of each word, and of each part after a hyphen or a full stop, is a capital:
 *       {@code MARY-JANE} → {@code Mary-Jane}, {@code A.J.} stays {@code A.J.};
 *   <li>so is the letter after an apostrophe that follows a single letter: {@code O'NEIL} → {@code O'Neil},
 *       {@code D'ANGELO} → {@code D'Angelo};
 *   <li>{@code Mc} is followed by a capital: {@code MCDONALD} → {@code McDonald}. {@code Mac} is not, because
 *       {@code Mack}, {@code Machado} and {@code Macias} would break: {@code MACDONALD} becomes {@code Macdonald},
 *       a spelling people use too;
 *   <li>the Dutch and German particles {@code van}, {@code von}, {@code der}, {@code den}, {@code ter},
 *       {@code ten}, {@code te}, {@code zu}, {@code zum}, {@code zur}, {@code vom} are small when another word
 *       follows ({@code VAN DER BERG} → {@code van der Berg}); Spanish, Portuguese, French and Italian ones keep
 *       their capital, as they are mostly written in the US ({@code DE LA CRUZ} → {@code De La Cruz}), since
 *       nothing in the data says which the person prefers;
 *   <li>the generational suffixes {@code II}, {@code III}, {@code IV} stay in capitals.
 * </ul>
 *
 * <p>A name with any small letter is the person's own spelling and is left as written ({@code McDonald},
 * {@code van der Berg}, {@code DeShawn}, {@code bell hooks}): only capitals-only names are changed. Only the
 * case of letters ever changes, and only where the change can be undone letter by letter (so a Turkish dotted
 * {@code İ} is never turned into another letter), and normalising twice gives the same as once.
 */
public final class NameCase {
    private static final Set<String> SMALL_PARTICLES =
            Set.of("van", "von", "der", "den", "ter", "ten", "te", "zu", "zum", "zur", "vom");
    private static final Set<String> CAPITAL_SUFFIXES = Set.of("ii", "iii", "iv");

    private NameCase() {}

    /** The name with its white space collapsed and, when it is in capitals only, in proper case; null stays null. */
    public static String normalize(String name) {
        if (name == null) {
            return null;
        }
        String collapsed = collapseWhitespace(name);
        return capitalsOnly(collapsed) ? properCase(collapsed) : collapsed;
    }

    /** Every run of white space (including line breaks and no-break spaces) as one space, none at either end. */
    public static String collapseWhitespace(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.appendCodePoint(cp);
        }
        return out.toString();
    }

    /** At least one capital letter and no small or title-case letter. */
    static boolean capitalsOnly(String text) {
        boolean capital = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLowerCase(cp) || Character.isTitleCase(cp)) {
                return false;
            }
            capital |= Character.isUpperCase(cp);
        }
        return capital;
    }

    private static String properCase(String collapsed) {
        String[] words = collapsed.split(" ");
        StringBuilder out = new StringBuilder(collapsed.length());
        for (int w = 0; w < words.length; w++) {
            if (w > 0) {
                out.append(' ');
            }
            String lower = lowerCase(words[w]);
            String key = lower.toLowerCase(Locale.ROOT);
            boolean last = w == words.length - 1;
            if (!last && SMALL_PARTICLES.contains(key)) {
                out.append(lower);
            } else if (w > 0 && CAPITAL_SUFFIXES.contains(key)) {
                out.append(words[w]);
            } else {
                out.append(capitalizeParts(lower));
            }
        }
        return out.toString();
    }

    /** Capitals at the start, after a hyphen or full stop, after a one-letter prefix and apostrophe, after Mc. */
    private static String capitalizeParts(String word) {
        int[] cps = word.codePoints().toArray();
        boolean partStart = true;
        int lettersInPart = 0;
        for (int i = 0; i < cps.length; i++) {
            int cp = cps[i];
            if (cp == '-' || cp == '.') {
                partStart = true;
                lettersInPart = 0;
                continue;
            }
            if ((cp == '\'' || cp == '\u2019') && lettersInPart == 1) {
                partStart = true;
                lettersInPart = 0;
                continue;
            }
            if (!Character.isLetter(cp)) {
                continue;
            }
            if (partStart) {
                cps[i] = upper(cp);
                partStart = false;
            } else if (lettersInPart == 2 && isMc(cps, i)) {
                cps[i] = upper(cp);
            }
            lettersInPart++;
        }
        return new String(cps, 0, cps.length);
    }

    /** Whether the two letters before {@code i} are "Mc" starting a part, and {@code i} is a letter. */
    private static boolean isMc(int[] cps, int i) {
        return i >= 2 && (cps[i - 2] == 'M') && cps[i - 1] == 'c';
    }

    private static String lowerCase(String word) {
        int[] cps = word.codePoints().map(NameCase::lower).toArray();
        return new String(cps, 0, cps.length);
    }

    /** The small letter, when turning it back into a capital gives the same letter; else the letter itself. */
    private static int lower(int cp) {
        int lower = Character.toLowerCase(cp);
        return Character.toUpperCase(lower) == cp ? lower : cp;
    }

    /** The title-case letter, when turning it back into a small letter gives the same letter; else itself. */
    private static int upper(int cp) {
        int title = Character.toTitleCase(cp);
        return Character.toLowerCase(title) == Character.toLowerCase(cp) ? title : cp;
    }
}
