package io.recruitflow.adapter.persistence;

import io.recruitflow.contracts.AppointmentsContract;
import io.recruitflow.domain.appointment.Appointments;

/** The Appointments contract against PostgreSQL (embedded), on emptied tables. */
class PostgresAppointmentsTest extends AppointmentsContract {
    @Override
    protected Appointments newAppointments() {
        TestDatabase.truncateAll();
        return new PostgresAppointments(TestDatabase.jdbi());
    }
}
