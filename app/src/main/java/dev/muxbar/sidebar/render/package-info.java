/**
 * Drawing blocks of a sidebar frame, pure: a {@code Line} of cells, colours from ANSI text
 * ({@code Ansi}), session rows and their cache ({@code SessionRows}), agent badges and rows
 * ({@code AgentView}), detail-panel rows ({@code DetailRows}), and the bytes that turn one frame into
 * the next on a tty ({@code FrameBytes}). Knows nothing of views, modes or ttys. May import
 * {@code model}, {@code agents}, {@code text} and {@code theme}.
 */
package dev.muxbar.sidebar.render;
