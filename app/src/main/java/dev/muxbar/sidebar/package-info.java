/**
 * The sidebars: one {@code Sidebar} per sidebar pane (its view, window, size, peek and tty), their
 * lifecycle as tmux panes ({@code SidebarLifecycle}, with the pure {@code Planner}), opening, closing
 * and painting them ({@code SidebarPainter}), keys from their ttys ({@code SidebarInput}) and what the
 * keys ask for ({@code SidebarActions}), peeks ({@code PeekFeed}), git marks ({@code GitInfo}) and the
 * saved choices ({@code SidebarStore}); {@code SidebarService} puts them together as a model
 * subscriber. On the loop. May import its sub-packages {@code render}, {@code view} and {@code pane},
 * and {@code model}, {@code state}, {@code agents}, {@code tmux}, {@code theme}, {@code text},
 * {@code tty}, {@code act}, {@code config} and {@code json} (its settings file).
 */
package dev.muxbar.sidebar;
