/**
 * No-show follow-up: when a recruit misses their presentation, text them a link to book a new time and
 * move them back to Interested. A use case added beside the application, in its own module, with no
 * change to the core or to any adapter: it uses the application's use cases and domain ports, and hears
 * about no-shows through the {@link io.recruitflow.application.applyghlevent.GhlEventListener} extension
 * point. Framework-free; the Guice wiring lives in {@code io.recruitflow.extension.noshow.wiring}.
 */
package io.recruitflow.extension.noshow;
