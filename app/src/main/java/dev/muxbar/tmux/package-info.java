/**
 * The one gateway to tmux: the control-mode client, every command muxbar sends ({@code Commands},
 * {@code Bindings}: quoted, replies parsed), the format templates and the pure parsers that turn
 * tmux's output into model records, layouts. Nothing outside this package starts tmux, writes a
 * tmux command or reads its output. May import {@code model} only.
 */
package dev.muxbar.tmux;
