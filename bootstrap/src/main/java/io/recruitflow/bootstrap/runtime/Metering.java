package io.recruitflow.bootstrap.runtime;

import io.recruitflow.adapter.ghl.GhlHttpError;
import io.recruitflow.adapter.webhook.RecruitflowMetrics;
import io.recruitflow.application.applyghlevent.GhlEvent;
import io.recruitflow.application.applyghlevent.GhlEventListener;
import io.recruitflow.domain.recruit.IntakeJournal;
import io.recruitflow.domain.recruit.StepState;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

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
        return IntakeJournal.observingSaves(target, record -> {
            if (record.state() != StepState.STARTED) {
                metrics.intakeStep(
                        record.step().name().toLowerCase(),
                        record.state().name().toLowerCase());
            }
        });
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
