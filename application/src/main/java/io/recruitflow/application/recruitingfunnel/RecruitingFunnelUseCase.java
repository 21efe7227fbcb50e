package io.recruitflow.application.recruitingfunnel;

/** Reports the recruiting funnel. */
public interface RecruitingFunnelUseCase {
    Funnel funnel(FunnelQuery query);
}
