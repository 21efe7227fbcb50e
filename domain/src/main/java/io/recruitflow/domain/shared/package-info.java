/**
 * Value objects every bounded context needs: identifiers, {@link io.recruitflow.domain.shared.PhoneNumber}
 * in E.164, {@link io.recruitflow.domain.shared.EmailAddress}, US states, the clock port, the locations we
 * must not act for, and {@link io.recruitflow.domain.shared.ExternalFailure}, the one failure type of the
 * outbound ports.
 *
 * <p>Contexts depend on this package, never the other way round.
 */
package io.recruitflow.domain.shared;
