/**
 * Nurture: what Recruitflow sends a recruit after the intro, step by step — the cadences of a stage (a text a
 * few hours later, a short sequence over the first week, then rest), and any other planned step (an appointment
 * reminder) — each step planned once, sent at most once through the compliance engine, and cancelled the moment
 * the news that makes it pointless is stored (a reply, a booking, an opt-out, a stage change, a contract).
 */
package io.recruitflow.domain.nurture;
