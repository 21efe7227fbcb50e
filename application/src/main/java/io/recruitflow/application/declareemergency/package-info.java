/** Declared emergencies: suspensions of texts into a state, declared, listed and ended by operators. */
package io.recruitflow.application.declareemergency;
