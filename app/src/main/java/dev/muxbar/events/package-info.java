/**
 * The event stream: what changed in the published model, as events with ids (sessions and their
 * order, agents and their status, theme, notices, other machines, usage), a bounded replay ring, and one bounded,
 * conflating, batched queue per client ({@code GET /events}, Server-Sent Events). Also the
 * status-line options and desktop notifications that follow the same changes. May import
 * {@code model}, {@code state}, {@code tmux}, {@code config} and {@code json}; knows nothing of HTTP (the API adapts it).
 */
package dev.muxbar.events;
