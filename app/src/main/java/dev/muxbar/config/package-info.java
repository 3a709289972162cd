/**
 * Where muxbar keeps things: the per-tmux-server runtime dir (socket, lock, order file, log) and the
 * persistent state dir, derived exactly as the plugin's shell scripts derive them.
 */
package dev.muxbar.config;
