package io.recruitflow.adapter.leadfile;

/** The lead file as a whole cannot be read: no header, a required column missing, or unreadable bytes. */
final class InvalidLeadFileException extends RuntimeException {
    InvalidLeadFileException(String message) {
        super(message);
    }

    InvalidLeadFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
