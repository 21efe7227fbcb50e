/**
 * In-memory implementations of every outbound port: the stores of Recruitflow's own data (each passing
 * its contract from {@code port-contracts}), a caller-driven job queue for tests and the demo, and
 * {@link io.recruitflow.adapter.inmemory.InMemoryGhl}, a seeded in-memory GHL account. Thread-safe; not
 * durable. {@link io.recruitflow.adapter.inmemory.InMemoryAdapters} holds one of each; a
 * {@link io.recruitflow.adapter.inmemory.ManualClock} is the clock tests move by hand.
 */
package io.recruitflow.adapter.inmemory;
