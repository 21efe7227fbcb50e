package io.recruitflow.domain.message;

import io.recruitflow.domain.message.ReplyMeaning.Intent;
import io.recruitflow.domain.message.ReplyMeaning.OptOut;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a reply for revocation of consent "by any reasonable means" (47 CFR 64.1200(a)(10), FCC 24-24, in
 * force since April 2025), for START/UNSTOP and for HELP.
 *
 * <ol>
 *   <li>Normalise: Unicode NFKC (full-width {@code ＳＴＯＰ} is {@code STOP}), accents dropped ({@code no
 *       más} is {@code no mas}), quotes, emoji, punctuation and format characters turned into spaces, lower
 *       case; letters spelled out one by one ({@code S.T.O.P}) joined.
 *   <li>A revocation phrase anywhere (English or Spanish: "stop texting", "remove me", "take me off",
 *       "don't text", "leave me alone", "no más", "darme de baja"...) is an opt-out, unless negated ("don't
 *       stop texting").
 *   <li>A keyword (stop, quit, end, revoke, opt out, cancel, unsubscribe, stopall; alto, baja, basta,
 *       cancelar) as a word in a short reply is an opt-out, unless its context says otherwise ("stop by",
 *       "the end", "cancel my 3pm", "don't stop"): then a person decides. In a long message a keyword alone
 *       is not read as one.
 *   <li>What might be a revocation but is not clear ("not interested", "no thanks", "wrong number") goes to a
 *       person: {@link OptOut#REVIEW}.
 * </ol>
 */
public final class ReplyClassifier {
    /** Replies of at most this many words are short: a keyword anywhere in them counts. */
    static final int SHORT = 8;

    private static final Set<String> KEYWORDS = Set.of(
            "stop",
            "stopall",
            "quit",
            "end",
            "revoke",
            "optout",
            "cancel",
            "unsubscribe",
            "unsub",
            // Spanish carrier keywords and their plain equivalents.
            "alto",
            "baja",
            "basta",
            "cancelar",
            "parar");

    /** Whole-reply opt-in keywords (CTIA): consent is granted again. */
    private static final Set<String> OPT_IN = Set.of("start", "unstop", "optin", "subscribe", "resume");

    private static final Set<String> HELP = Set.of("help", "info", "ayuda");

    /** Words that may surround a keyword without changing what it means ("stop please", "STOP now"). */
    private static final Set<String> FILLER = Set.of(
            "please",
            "pls",
            "plz",
            "plse",
            "now",
            "thanks",
            "thank",
            "you",
            "thx",
            "ty",
            "ok",
            "okay",
            "all",
            "it",
            "me",
            "already",
            "just",
            "asap",
            "immediately",
            "right",
            "away",
            "por",
            "favor",
            "gracias",
            "ya",
            "yes",
            "sir",
            "maam",
            "texts",
            "messages",
            "texting",
            "messaging",
            "again",
            "hey",
            "hi",
            "hello",
            "the",
            "i",
            "said",
            "want",
            "to",
            "guys",
            "a",
            "this",
            "these",
            "them",
            "sending",
            "message",
            "text",
            "us",
            "no",
            "more",
            "y",
            "and",
            "sms",
            "q",
            "ustedes");

    /** Revocation phrases; matched on whole words, anywhere. */
    private static final List<String> PHRASES = List.of(
            "stop texting",
            "stop messaging",
            "stop sending",
            "stop contacting",
            "stop calling",
            "stop the texts",
            "stop these texts",
            "stop all texts",
            "stop all messages",
            "quit texting",
            "quit messaging",
            "remove me",
            "remove my number",
            "take me off",
            "take my number off",
            "unsubscribe me",
            "opt me out",
            "dont text",
            "don t text",
            "do not text",
            "dont message",
            "do not message",
            "dont contact",
            "don t contact",
            "do not contact",
            "dont call or text",
            "never text",
            "no more texts",
            "no more text",
            "no more messages",
            "leave me alone",
            "lose my number",
            "delete my number",
            "not text me",
            // Spanish
            "no mas",
            "no me escriba",
            "no me escribas",
            "no me escriban",
            "no me envie",
            "no me envies",
            "no me envien",
            "no me mande",
            "no me mandes",
            "no me manden",
            "no me contacte",
            "no me contactes",
            "no me molesten",
            "no me molestes",
            "no molestar",
            "deja de escribirme",
            "dejen de escribirme",
            "deje de escribirme",
            "deja de enviarme",
            "dejen de enviarme",
            "dejame en paz",
            "dejenme en paz",
            "darme de baja",
            "dar de baja",
            "denme de baja",
            "quitame de la lista",
            "quitenme de la lista",
            "sacame de la lista",
            "borrame",
            "eliminame",
            "no quiero mensajes",
            "no quiero recibir");

    /** Words that, just before a keyword or phrase, reverse it ("don't stop", "never stop"). */
    private static final Set<String> NEGATIONS =
            Set.of("dont", "don", "do not", "never", "not", "cant", "can t", "won t", "wont", "didn t", "didnt");

    /** Maybe a revocation, maybe not: a person decides. */
    private static final List<String> UNCLEAR = List.of(
            "not interested",
            "no thanks",
            "no thank you",
            "no thx",
            "wrong number",
            "wrong person",
            "no gracias",
            "no me interesa",
            "numero equivocado",
            "no",
            "nope",
            "go away",
            "f off",
            "fuck off",
            "spam",
            "reported");

    private ReplyClassifier() {}

    public static ReplyMeaning classify(String reply) {
        List<String> words = words(reply);
        if (words.isEmpty()) {
            return new ReplyMeaning(OptOut.NO, Intent.NONE, "an empty reply");
        }
        String text = String.join(" ", words);
        if (OPT_IN.contains(text.replace(" ", ""))) {
            return new ReplyMeaning(OptOut.NO, Intent.OPT_IN, "'" + text + "' grants consent again (CTIA opt-in)");
        }
        if (HELP.contains(text)) {
            return new ReplyMeaning(OptOut.NO, Intent.HELP, "'" + text + "' asks for help");
        }
        // "opt out", "opt-out", "stop all" are keywords spelled as two words.
        List<String> merged = merge(words);

        for (String phrase : PHRASES) {
            int at = find(words, phrase);
            if (at >= 0) {
                if (negated(words, at)) {
                    return review("the phrase '" + phrase + "' is negated ('" + text + "')");
                }
                return new ReplyMeaning(OptOut.YES, Intent.OPT_OUT, "the phrase '" + phrase + "'");
            }
        }
        List<Integer> keywordAt = new ArrayList<>();
        for (int i = 0; i < merged.size(); i++) {
            if (KEYWORDS.contains(merged.get(i))) {
                keywordAt.add(i);
            }
        }
        if (!keywordAt.isEmpty()) {
            String keyword = merged.get(keywordAt.get(0));
            if (merged.size() > SHORT && keywordAt.get(0) != 0) {
                // In a long message only a keyword that opens it ("STOP. I am not looking...") is read as one.
                return review("the keyword '" + keyword + "' in a long message");
            }
            for (int i : keywordAt) {
                String context = otherMeaning(merged, i);
                if (context != null) {
                    return review(
                            "the keyword '" + merged.get(i) + "' in '" + context + "', which may mean something else");
                }
            }
            return new ReplyMeaning(
                    OptOut.YES, Intent.OPT_OUT, "the keyword '" + keyword.toUpperCase(Locale.ROOT) + "'");
        }
        for (String unclear : UNCLEAR) {
            if (find(words, unclear) >= 0 && (words.size() <= SHORT || unclear.contains(" "))) {
                return review("'" + unclear + "' may be a revocation");
            }
        }
        return new ReplyMeaning(OptOut.NO, Intent.NONE, "no opt-out keyword or phrase");
    }

    private static ReplyMeaning review(String why) {
        return new ReplyMeaning(OptOut.REVIEW, Intent.OPT_OUT, why);
    }

    /** Normalised words: NFKC, no accents, only letters and digits, lower case, spelled-out letters joined. */
    static List<String> words(String reply) {
        if (reply == null) {
            return List.of();
        }
        String nfkc = Normalizer.normalize(reply, Normalizer.Form.NFKC);
        String decomposed = Normalizer.normalize(nfkc, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        decomposed.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK) {
                return; // accents, variation selectors, keycap marks
            }
            if (type == Character.FORMAT) {
                return; // zero-width joiners and spaces, bidi marks, soft hyphens
            }
            if (Character.isLetterOrDigit(cp)) {
                out.appendCodePoint(Character.toLowerCase(cp));
            } else {
                out.append(' '); // punctuation, quotes, symbols, emoji, spaces
            }
        });
        List<String> words = new ArrayList<>(Arrays.asList(out.toString().trim().split("\\s+")));
        words.removeIf(String::isEmpty);
        // "S T O P", "s.t.o.p": join runs of single letters into a word.
        List<String> joined = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (String w : words) {
            if (w.length() == 1 && Character.isLetter(w.charAt(0))) {
                run.append(w);
                continue;
            }
            flush(run, joined);
            joined.add(w);
        }
        flush(run, joined);
        return List.copyOf(joined);
    }

    private static void flush(StringBuilder run, List<String> into) {
        if (run.length() == 0) {
            return;
        }
        if (run.length() == 1) {
            into.add(run.toString());
        } else {
            String word = run.toString();
            // Only keywords are read as spelled out; "i a m" stays three words.
            if (KEYWORDS.contains(word) || OPT_IN.contains(word) || HELP.contains(word)) {
                into.add(word);
            } else {
                for (char c : word.toCharArray()) {
                    into.add(String.valueOf(c));
                }
            }
        }
        run.setLength(0);
    }

    private static List<String> merge(List<String> words) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            String next = i + 1 < words.size() ? words.get(i + 1) : "";
            if ((w.equals("opt") && next.equals("out")) || (w.equals("stop") && next.equals("all"))) {
                out.add(w + next);
                i++;
            } else if (w.equals("unsubscribe") || w.equals("unsubscribed")) {
                out.add("unsubscribe");
            } else {
                out.add(w);
            }
        }
        return out;
    }

    /** Where the phrase starts as whole words, or -1. */
    private static int find(List<String> words, String phrase) {
        String[] p = phrase.split(" ");
        outer:
        for (int i = 0; i + p.length <= words.size(); i++) {
            for (int j = 0; j < p.length; j++) {
                if (!words.get(i + j).equals(p[j])) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static boolean negated(List<String> words, int at) {
        String before1 = at >= 1 ? words.get(at - 1) : "";
        String before2 = at >= 2 ? words.get(at - 2) + " " + before1 : "";
        // "please don't text me" is itself a phrase; "don't stop texting" negates "stop texting".
        return NEGATIONS.contains(before1)
                || NEGATIONS.contains(before2)
                || before1.equals("t")
                        && at >= 2
                        && (words.get(at - 2).equals("don")
                                || words.get(at - 2).equals("won")
                                || words.get(at - 2).equals("can"));
    }

    /**
     * When the keyword at {@code i} plainly means something else, the words that say so; else null:
     * "stop by", "the end", "end of", "cancel my appointment", "don't stop", "never quit".
     */
    private static String otherMeaning(List<String> words, int i) {
        String w = words.get(i);
        String before = i >= 1 ? words.get(i - 1) : "";
        String after = i + 1 < words.size() ? words.get(i + 1) : "";
        if (negated(words, i)) {
            return before + " " + w;
        }
        switch (w) {
            case "stop" -> {
                if (Set.of("by", "in", "over", "at", "for", "and", "to", "working")
                                .contains(after)
                        || Set.of(
                                        "bus", "next", "last", "first", "a", "one", "pit", "can", "cant", "could",
                                        "will", "should", "would", "to")
                                .contains(before)) {
                    return (before + " " + w + " " + after).trim();
                }
            }
            case "end" -> {
                if (Set.of(
                                        "the", "an", "weekend", "week", "month", "day", "year", "high", "back", "low",
                                        "front", "dead", "to", "of", "it", "does", "will", "would", "they", "that",
                                        "should", "we")
                                .contains(before)
                        || Set.of("of", "up", "with", "the", "date", "user", "goal", "result")
                                .contains(after)) {
                    return (before + " " + w + " " + after).trim();
                }
            }
            case "cancel", "cancelar" -> {
                if (Set.of(
                                        "my",
                                        "the",
                                        "our",
                                        "that",
                                        "this",
                                        "mi",
                                        "la",
                                        "el",
                                        "appointment",
                                        "meeting",
                                        "call",
                                        "order",
                                        "cita")
                                .contains(after)
                        || Set.of("to", "i", "will", "can", "could", "need", "had", "have")
                                .contains(before)) {
                    return (before + " " + w + " " + after).trim();
                }
            }
            case "quit" -> {
                if (Set.of("i", "to", "will", "just", "job", "my", "he", "she", "they", "we")
                                .contains(before)
                        || Set.of("my", "the", "job", "smoking", "work").contains(after)) {
                    return (before + " " + w + " " + after).trim();
                }
            }
            case "baja", "alto", "parar", "basta" -> {
                // "alto" is also "tall", "baja" "low": only polite words may stand before them.
                if (!before.isEmpty()
                        && !FILLER.contains(before)
                        && !Set.of("de", "me").contains(before)) {
                    return (before + " " + w + " " + after).trim();
                }
            }
            default -> {}
        }
        // A keyword among words that add nothing ("stop please", "STOP now") is a revocation; among other words
        // it is one when it opens or closes the reply ("STOP I'm not interested", "I said stop").
        boolean onlyFiller = true;
        for (int j = 0; j < words.size(); j++) {
            if (j != i && !KEYWORDS.contains(words.get(j)) && !FILLER.contains(words.get(j))) {
                onlyFiller = false;
            }
        }
        if (onlyFiller || i == 0 || i == words.size() - 1) {
            return null;
        }
        return String.join(" ", words);
    }
}
