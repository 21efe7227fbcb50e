package io.recruitflow.adapter.leadfile;

/** The lead file as a whole cannot be read: no header, a required column missing, or unreadable bytes. */
public final class InvalidLeadFileException extends RuntimeException {
    public InvalidLeadFileException(String message) {
        super(message);
    }

    public InvalidLeadFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
