/**
 * The long-lived {@code muxbar server} process: singleton lock, wiring of gateway, event loop,
 * subscribers and API, the capped log, and a clean exit when its tmux server goes away.
 */
package dev.muxbar.daemon;
