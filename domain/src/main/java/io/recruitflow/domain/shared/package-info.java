/**
 * Value objects every bounded context needs: identifiers, {@link io.recruitflow.domain.shared.PhoneNumber}
 * in E.164, {@link io.recruitflow.domain.shared.EmailAddress}, US states, the clock port, the GHL account
 * ports (locations, users, tokens) and the typed failures of the GHL ports.
 *
 * <p>Contexts depend on this package, never the other way round.
 */
package io.recruitflow.domain.shared;
