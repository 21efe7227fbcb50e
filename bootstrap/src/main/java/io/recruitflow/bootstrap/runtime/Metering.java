package io.recruitflow.bootstrap.runtime;

import io.recruitflow.adapter.ghl.GhlHttpError;
import io.recruitflow.adapter.webhook.RecruitflowMetrics;
import io.recruitflow.application.applyghlevent.GhlEvent;
import io.recruitflow.application.applyghlevent.GhlEventListener;
import io.recruitflow.domain.recruit.IntakeJournal;
import io.recruitflow.domain.recruit.IntakeStep;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.recruit.StepRecord;
import io.recruitflow.domain.recruit.StepState;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Records GHL calls and intake steps in the service's metrics, by decorating ports. */
final class Metering {
    private Metering() {}

    /**
     * Wraps a GHL port so that each call is counted by route ({@code ContactDirectory.upsert}) and status
     * (200 for success, GHL's status on failure, 0 when no answer came).
     */
    @SuppressWarnings("unchecked")
    static <T> T ghlPort(Class<T> port, T target, RecruitflowMetrics metrics) {
        return (T) Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(target, args);
            }
            String route = port.getSimpleName() + "." + method.getName();
            try {
                Object result = method.invoke(target, args);
                metrics.ghlCall(route, 200);
                return result;
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                metrics.ghlCall(
                        route, GhlHttpError.of(cause).map(GhlHttpError::status).orElse(0));
                throw cause;
            }
        });
    }

    /** Counts intake steps by the state they reach. */
    static IntakeJournal journal(IntakeJournal target, RecruitflowMetrics metrics) {
        return new IntakeJournal() {
            @Override
            public void open(RecruitId recruit, Instant at) {
                target.open(recruit, at);
            }

            @Override
            public Optional<StepRecord> find(RecruitId recruit, IntakeStep step) {
                return target.find(recruit, step);
            }

            @Override
            public List<StepRecord> steps(RecruitId recruit) {
                return target.steps(recruit);
            }

            @Override
            public void save(StepRecord record) {
                target.save(record);
                if (record.state() != StepState.STARTED) {
                    metrics.intakeStep(
                            record.step().name().toLowerCase(),
                            record.state().name().toLowerCase());
                }
            }

            @Override
            public List<RecruitId> unfinished(int limit) {
                return target.unfinished(limit);
            }

            @Override
            public Map<StepState, Long> countByState() {
                return target.countByState();
            }
        };
    }

    /** Counts GHL's delivery reports of texts by outcome ({@code recruitflow_text_deliveries_total}). */
    static GhlEventListener deliveries(RecruitflowMetrics metrics) {
        return (event, outcome) -> {
            if (event instanceof GhlEvent.MessageSent sent) {
                sent.delivery()
                        .ifPresent(d -> metrics.textDelivery(d.status().name().toLowerCase(java.util.Locale.ROOT)));
            }
        };
    }
}
