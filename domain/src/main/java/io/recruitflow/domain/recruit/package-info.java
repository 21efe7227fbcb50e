/**
 * The recruit: a licensed insurance agent we are recruiting, from the moment a lead is accepted. Holds
 * the lead rules, the {@link io.recruitflow.domain.recruit.Recruit} aggregate, the intake saga's steps
 * and the ports to GHL contacts and workflows and to our own store of recruits and intake progress.
 */
package io.recruitflow.domain.recruit;
