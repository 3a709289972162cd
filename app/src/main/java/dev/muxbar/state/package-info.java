/**
 * The single writer: the events that change the model, the event loop, refresh coalescing and
 * conflating delivery to subscribers ({@link dev.muxbar.state.Core}). May import {@code model},
 * {@code tmux} (notifications, refresh parts) and {@code agents} (the tracker it feeds).
 */
package dev.muxbar.state;
