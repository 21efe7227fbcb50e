/**
 * Contract tests for the stateful ports: one abstract JUnit 5 class per port ({@code RecruitsContract},
 * {@code MessageLogContract}, ...). An implementation's test extends the contract and supplies a factory
 * method that returns an <em>empty</em> store; every test then runs against it.
 *
 * <p>The contracts are implementation-neutral: instants carry at most millisecond precision (so that a
 * database with microsecond timestamps round-trips them), no test sleeps on timing, and concurrent tests
 * start their threads behind a gate and await them with timeouts.
 */
package io.recruitflow.contracts;
