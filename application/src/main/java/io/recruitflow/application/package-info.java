/**
 * Use cases: one package per use case, each an inbound port ({@code XxxUseCase}) taking a self-validating
 * {@code XxxCommand} record, implemented by a service that orchestrates domain objects and ports.
 * Services hold no HTTP, SQL or JSON.
 */
package io.recruitflow.application;
