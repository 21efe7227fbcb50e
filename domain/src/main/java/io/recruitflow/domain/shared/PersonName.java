package io.recruitflow.domain.shared;

/**
 * A person's first and last name; the last name may be empty. White space is collapsed (a line break or a run
 * of spaces inside a quoted spreadsheet cell is one space); the letters are kept as given: proper case for
 * names that arrive in capitals is a lead rule ({@link NameCase}), applied when a lead is accepted.
 */
public record PersonName(String first, String last) {
    public PersonName {
        first = first == null ? "" : NameCase.collapseWhitespace(first);
        last = last == null ? "" : NameCase.collapseWhitespace(last);
        if (first.isEmpty()) {
            throw new IllegalArgumentException("first name is missing");
        }
        if (first.length() > 100 || last.length() > 100) {
            throw new IllegalArgumentException("name is longer than 100 characters");
        }
    }

    public String full() {
        return last.isEmpty() ? first : first + " " + last;
    }
}
