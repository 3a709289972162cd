/**
 * The sidebars: their lifecycle as tmux panes ({@code SidebarLifecycle}, with the pure
 * {@code Planner}), their ttys and frames ({@code SidebarPainter}, {@code SidebarPane}, the pure
 * {@code Renderer}), and keys and mouse from those ttys ({@code SidebarInput}, the pure
 * {@code Keys}, {@code SidebarActions}). A model subscriber; may import {@code model},
 * {@code state}, {@code agents}, {@code tmux}, {@code theme}, {@code text}, {@code tty}, {@code config} and
 * {@code json} (its settings file).
 */
package dev.muxbar.sidebar;
