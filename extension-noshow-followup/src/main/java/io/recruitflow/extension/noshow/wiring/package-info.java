/** Guice wiring of the no-show follow-up: {@link io.recruitflow.extension.noshow.wiring.NoShowFollowUpModule}. */
package io.recruitflow.extension.noshow.wiring;
