/**
 * The sidebars: their lifecycle in tmux (one per window, width, lonely windows), the pure renderer
 * from model to styled lines, the painter onto each pane's tty, and keys and mouse from that tty.
 */
package dev.muxbar.sidebar;
