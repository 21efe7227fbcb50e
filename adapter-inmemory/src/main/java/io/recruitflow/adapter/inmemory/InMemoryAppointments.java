package io.recruitflow.adapter.inmemory;

import io.recruitflow.domain.appointment.Appointment;
import io.recruitflow.domain.appointment.AppointmentId;
import io.recruitflow.domain.appointment.Appointments;
import io.recruitflow.domain.shared.ContactId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link Appointments} in memory: a write older than the stored appointment is ignored. */
public final class InMemoryAppointments implements Appointments {
    private final Map<AppointmentId, Appointment> byId = new HashMap<>();

    public InMemoryAppointments() {}

    @Override
    public synchronized boolean save(Appointment appointment) {
        Appointment stored = byId.get(appointment.id());
        if (stored != null && stored.updatedAt().isAfter(appointment.updatedAt())) {
            return false;
        }
        byId.put(appointment.id(), appointment);
        return true;
    }

    @Override
    public synchronized Optional<Appointment> find(AppointmentId id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The contact's appointments by start time. */
    @Override
    public synchronized List<Appointment> forContact(ContactId contact) {
        return byId.values().stream()
                .filter(a -> a.contact().equals(contact))
                .sorted(Comparator.comparing(Appointment::start).thenComparing(a -> a.id().value()))
                .toList();
    }

    @Override
    public synchronized void delete(AppointmentId id) {
        byId.remove(id);
    }
}
