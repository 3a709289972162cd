/**
 * Where muxbar keeps things: the per-tmux-server runtime dir (socket, lock, order file, log) and the
 * persistent state dir, derived exactly as the plugin's shell scripts derive them; private dirs,
 * atomic writes, the real uid. Imports nothing of muxbar.
 */
package dev.muxbar.config;
