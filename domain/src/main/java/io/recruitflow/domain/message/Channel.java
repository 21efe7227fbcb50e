package io.recruitflow.domain.message;

/** How a message travels. */
public enum Channel {
    SMS,
    EMAIL
}
