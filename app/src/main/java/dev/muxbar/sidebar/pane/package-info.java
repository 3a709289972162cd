/**
 * A sidebar's tty: {@code SidebarPane} draws the newest frame on a shared paint pool once the tty took
 * the last (no pacing of its own: Core's publish throttle is the one frame gate), decodes keys and
 * mouse from it ({@code KeyFeed}, {@code TtyTerminal}) and passes notifications through
 * ({@code TerminalNote}). May import {@code sidebar.render}, {@code sidebar.view}, {@code model}
 * (the scheduler), {@code state} (conflating slots) and {@code tty}.
 */
package dev.muxbar.sidebar.pane;
