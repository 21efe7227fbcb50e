/**
 * Presentations: GHL calendars, their free slots, booking a recruit into one, and what happened to it
 * (confirmed, cancelled, showed, no-show). All times are instants; time zones only shape display and
 * the slot search.
 */
package io.recruitflow.domain.appointment;
