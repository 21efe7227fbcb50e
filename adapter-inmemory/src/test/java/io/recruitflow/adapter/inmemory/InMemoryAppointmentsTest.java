package io.recruitflow.adapter.inmemory;

import io.recruitflow.contracts.AppointmentsContract;
import io.recruitflow.domain.appointment.Appointments;

class InMemoryAppointmentsTest extends AppointmentsContract {
    @Override
    protected Appointments newAppointments() {
        return new InMemoryAppointments();
    }
}
