/**
 * The ground floor: immutable values everything else reads — one tmux server ({@link
 * dev.muxbar.model.Snapshot}), the published {@link dev.muxbar.model.Model} with its session order
 * ({@link dev.muxbar.model.OrderBook}) and agents ({@link dev.muxbar.model.Agent}, {@link
 * dev.muxbar.model.Status}, {@link dev.muxbar.model.Source}) — and the {@link
 * dev.muxbar.model.Scheduler} through which time is injected. Imports nothing of muxbar.
 */
package dev.muxbar.model;
