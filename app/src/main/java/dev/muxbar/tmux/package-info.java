/**
 * The one gateway to tmux: the control-mode client, the format templates and the pure parsers
 * that turn tmux's output into model records. Nothing outside this package starts tmux or reads
 * its output.
 */
package dev.muxbar.tmux;
