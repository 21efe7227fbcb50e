package io.recruitflow.domain.shared;

/** Checks shared by the identifier records. */
final class Ids {
    private Ids() {}

    static String require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        if (value.length() > 200) {
            throw new IllegalArgumentException(what + " is longer than 200 characters");
        }
        return value.strip();
    }
}
