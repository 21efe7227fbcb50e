package io.recruitflow.contracts;

import static io.recruitflow.contracts.Fixtures.appointment;
import static io.recruitflow.contracts.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.domain.appointment.Appointment;
import io.recruitflow.domain.appointment.AppointmentId;
import io.recruitflow.domain.appointment.AppointmentStatus;
import io.recruitflow.domain.appointment.Appointments;
import io.recruitflow.domain.shared.ContactId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link Appointments} store must do. */
public abstract class AppointmentsContract {

    /** A new, empty store; called once per test. */
    protected abstract Appointments newAppointments();

    private Appointments appointments;
    private final ContactId contact = new ContactId("ct_appt_1");

    @BeforeEach
    void createStore() {
        appointments = newAppointments();
    }

    @Test
    void save_stores_a_new_appointment() {
        Appointment booked = appointment("appt_1", contact, AppointmentStatus.NEW, at(0));

        assertThat(appointments.save(booked)).isTrue();

        assertThat(appointments.find(booked.id())).contains(booked);
        assertThat(appointments.find(new AppointmentId("appt_none"))).isEmpty();
    }

    @Test
    void a_newer_write_replaces_the_stored_one() {
        Appointment booked = appointment("appt_1", contact, AppointmentStatus.NEW, at(0));
        appointments.save(booked);
        Appointment confirmed = booked.withStatus(AppointmentStatus.CONFIRMED, at(1));

        assertThat(appointments.save(confirmed)).isTrue();

        assertThat(appointments.find(booked.id())).contains(confirmed);
    }

    @Test
    void an_older_write_is_ignored() {
        Appointment booked = appointment("appt_1", contact, AppointmentStatus.NEW, at(0));
        Appointment noShow = booked.withStatus(AppointmentStatus.NOSHOW, at(10));
        appointments.save(noShow);

        assertThat(appointments.save(booked.withStatus(AppointmentStatus.CONFIRMED, at(5))))
                .isFalse();

        assertThat(appointments.find(booked.id())).contains(noShow);
        assertThat(appointments.forContact(contact)).containsExactly(noShow);
    }

    @Test
    void a_write_with_the_same_timestamp_is_stored() {
        Appointment booked = appointment("appt_1", contact, AppointmentStatus.NEW, at(3));
        appointments.save(booked);
        Appointment cancelled = booked.withStatus(AppointmentStatus.CANCELLED, at(3));

        assertThat(appointments.save(cancelled)).isTrue();

        assertThat(appointments.find(booked.id())).contains(cancelled);
    }

    @Test
    void concurrent_writes_in_any_order_leave_the_newest() {
        Appointment base = appointment("appt_race", contact, AppointmentStatus.NEW, at(0));
        AppointmentStatus[] statuses = AppointmentStatus.values();
        List<Appointment> versions = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            versions.add(base.withStatus(statuses[i % statuses.length], at(i)));
        }
        Collections.shuffle(versions, new Random(7));

        Concurrently.run(versions.size(), i -> () -> appointments.save(versions.get(i)));

        assertThat(appointments.find(base.id()).orElseThrow().updatedAt()).isEqualTo(at(7));
    }

    @Test
    void forContact_lists_only_that_contacts_appointments() {
        Appointment first = appointment("appt_1", contact, AppointmentStatus.CANCELLED, at(0));
        Appointment second = appointment("appt_2", contact, AppointmentStatus.CONFIRMED, at(1));
        appointments.save(first);
        appointments.save(second);
        appointments.save(appointment("appt_3", new ContactId("ct_other"), AppointmentStatus.NEW, at(2)));

        assertThat(appointments.forContact(contact)).containsExactlyInAnyOrder(first, second);
        assertThat(appointments.forContact(new ContactId("ct_none"))).isEmpty();
    }

    @Test
    void delete_removes_it() {
        Appointment booked = appointment("appt_1", contact, AppointmentStatus.NEW, at(0));
        appointments.save(booked);

        appointments.delete(booked.id());

        assertThat(appointments.find(booked.id())).isEmpty();
        assertThat(appointments.forContact(contact)).isEmpty();
        appointments.delete(booked.id()); // deleting twice is harmless
    }
}
