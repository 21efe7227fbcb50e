/**
 * Messages to and from recruits: SMS and email through GHL conversations, templates, the compliance
 * policy that decides whether a text may go now, later or never, and our log of every outbound
 * message with its send state.
 */
package io.recruitflow.domain.message;
