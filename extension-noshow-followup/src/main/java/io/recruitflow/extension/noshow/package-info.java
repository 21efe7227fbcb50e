/**
 * No-show follow-up, the example of an extension: when a recruit misses their presentation, tag their contact in
 * GHL (default {@code No-Show}) so the agency's smart lists and workflows see it. (Recruitflow's core texts the
 * rebooking link itself since issue 16.) A use case added beside the application, in its own module, with no
 * change to the core: it uses the domain's ports ({@code Recruits}, {@code Appointments}, {@code ContactTags}) and
 * hears about no-shows through the {@link io.recruitflow.application.applyghlevent.GhlEventListener} extension
 * point. Framework-free; the Guice wiring lives in {@code io.recruitflow.extension.noshow.wiring}.
 */
package io.recruitflow.extension.noshow;
