package io.recruitflow.application.setup;

import io.recruitflow.domain.appointment.Calendar;
import io.recruitflow.domain.appointment.Calendars;
import io.recruitflow.domain.pipeline.Pipelines;
import io.recruitflow.domain.pipeline.RecruitingPipeline;
import io.recruitflow.domain.recruit.Workflow;
import io.recruitflow.domain.recruit.WorkflowId;
import io.recruitflow.domain.recruit.Workflows;
import io.recruitflow.domain.shared.LocationId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves, once per location, the GHL ids behind the configured names: the recruiting pipeline and
 * its stages, the speed-to-lead workflow and the presentation calendar. A name that GHL does not know
 * is a configuration error with a message that says what to create or rename.
 */
@Singleton
public class LocationSetup {
    private final Pipelines pipelines;
    private final Workflows workflows;
    private final Calendars calendars;
    private final RecruitingSettings settings;
    private final Map<LocationId, Resolved> cache = new ConcurrentHashMap<>();

    @Inject
    public LocationSetup(Pipelines pipelines, Workflows workflows, Calendars calendars, RecruitingSettings settings) {
        this.pipelines = pipelines;
        this.workflows = workflows;
        this.calendars = calendars;
        this.settings = settings;
    }

    /** The location's resolved ids; asks GHL the first time only. */
    public Resolved of(LocationId location) {
        // One resolution per location even when many workers start at once: the others wait for it.
        return cache.computeIfAbsent(location, this::resolve);
    }

    private Resolved resolve(LocationId location) {
        RecruitingPipeline.Resolution resolution =
                RecruitingPipeline.resolve(pipelines.list(location), settings.stageNames());
        if (resolution instanceof RecruitingPipeline.Resolution.Missing missing) {
            throw new SetupException("location " + location + " has no " + String.join(", ", missing.what())
                    + "; create it in GHL or configure its name");
        }
        RecruitingPipeline pipeline = ((RecruitingPipeline.Resolution.Resolved) resolution).pipeline();
        if (settings.workflowTrigger() instanceof WorkflowTrigger.None) {
            // No recruit is enrolled in a CRM workflow: none needs to exist, and none is looked up.
            return new Resolved(pipeline, java.util.Optional.empty(), location);
        }
        String workflowName = settings.speedToLeadWorkflow().strip();
        WorkflowId workflow = workflows.list(location).stream()
                .filter(w -> w.name().equalsIgnoreCase(workflowName))
                .findFirst()
                .map(Workflow::id)
                .orElseThrow(() -> new SetupException(
                        "location " + location + " has no workflow named '" + settings.speedToLeadWorkflow() + "'"));
        return new Resolved(pipeline, java.util.Optional.of(workflow), location);
    }

    /** The calendar presentations are booked on: the configured one by name, else the location's first. */
    public Calendar presentationCalendar(LocationId location) {
        List<Calendar> all = calendars.list(location);
        return settings.presentationCalendar()
                .map(name -> all.stream()
                        .filter(c -> c.name().equalsIgnoreCase(name))
                        .findFirst()
                        .orElseThrow(() ->
                                new SetupException("location " + location + " has no calendar named '" + name + "'")))
                .orElseGet(() -> all.stream()
                        .findFirst()
                        .orElseThrow(() -> new SetupException("location " + location + " has no calendar")));
    }

    /** The GHL ids of one location. */
    /**
     * @param workflow the speed-to-lead workflow; empty when recruits are not enrolled in one ({@link
     *     WorkflowTrigger.None})
     */
    public record Resolved(RecruitingPipeline pipeline, java.util.Optional<WorkflowId> workflow, LocationId location) {
        /** The speed-to-lead workflow; only asked when recruits are enrolled in one. */
        public WorkflowId speedToLeadWorkflow() {
            return workflow.orElseThrow(() -> new IllegalStateException("recruits are not enrolled in a workflow"));
        }
    }

    /** The GHL account does not match the configuration. */
    public static final class SetupException extends RuntimeException {
        public SetupException(String message) {
            super(message);
        }
    }
}
