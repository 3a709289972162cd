/**
 * The model and its single writer: immutable records of one tmux server, the events that change
 * them, the event loop, refresh coalescing, session order and conflating delivery to subscribers.
 */
package dev.muxbar.state;
