package io.recruitflow.domain.appointment;

import io.recruitflow.domain.shared.ContactId;
import java.util.List;
import java.util.Optional;

/** Our durable record of presentations. Older news (by {@code updatedAt}) never overwrites newer. */
public interface Appointments {
    /** Stores unless the stored one is newer; returns whether it was stored. */
    boolean save(Appointment appointment);

    Optional<Appointment> find(AppointmentId id);

    List<Appointment> forContact(ContactId contact);

    void delete(AppointmentId id);
}
