package io.recruitflow.domain.shared;

/** A person's first and last name as the lead source gave them; the last name may be empty. */
public record PersonName(String first, String last) {
    public PersonName {
        first = first == null ? "" : first.strip();
        last = last == null ? "" : last.strip();
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
