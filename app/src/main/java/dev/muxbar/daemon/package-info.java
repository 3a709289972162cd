/**
 * The long-lived {@code muxbar server} process: the singleton lock, the wiring of gateway, event
 * loop, services and API in dependency order, the capped log, where its control client sits, and
 * a clean exit when its tmux server goes away. May import anything but {@code cli}.
 */
package dev.muxbar.daemon;
