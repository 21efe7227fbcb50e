/**
 * The recruiting pipeline: the stages a recruit moves through (Lead → Contacted → Interested →
 * Presentation Scheduled → Contracted), their mapping to GHL stage ids, the opportunity each recruit
 * has in GHL, and the rules for moving it.
 */
package io.recruitflow.domain.pipeline;
