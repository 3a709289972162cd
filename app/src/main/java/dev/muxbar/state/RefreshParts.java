package dev.muxbar.state;

import dev.muxbar.tmux.Formats.Part;
import dev.muxbar.tmux.Notification;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which parts of the model a notification can have changed, so a refresh fetches only those.
 * The common case, a client switching session, costs one {@code list-clients} instead of a full
 * refresh (at 1000 panes: ~1 ms of tmux's single thread instead of ~20 ms).
 */
final class RefreshParts {
    private RefreshParts() {}

    private static final Set<Part> ALL = EnumSet.allOf(Part.class);

    /** Notifications that never change what the model holds. */
    private static final Set<String> IRRELEVANT = Set.of(
            "paste-buffer-changed",
            "paste-buffer-deleted",
            "message",
            "config-error",
            "output",
            "extended-output",
            "pause",
            "continue");

    /**
     * The window digest changed ({@link dev.muxbar.tmux.ControlGateway#watchWindows}: a layout, zoom
     * or active pane in any session), passed on as a change of {@code muxbar-windows}.
     */
    static boolean isWindowSubscription(Notification n) {
        return n instanceof Notification.SubscriptionChanged s
                && s.name().equals(dev.muxbar.tmux.Formats.WINDOWS_DIGEST);
    }

    static Set<Part> of(Notification n) {
        if (n instanceof Notification.SessionsChanged) {
            return ALL;
        } else if (n instanceof Notification.SessionRenamed) {
            return EnumSet.of(Part.SESSIONS);
        } else if (n instanceof Notification.SessionWindowChanged) {
            return EnumSet.of(Part.WINDOWS); // window_active
        } else if (n instanceof Notification.WindowChanged w) {
            // a rename: a name; add/close/unlink: windows and their panes
            return w.change() == Notification.Change.RENAMED
                    ? EnumSet.of(Part.WINDOWS)
                    : EnumSet.of(Part.WINDOWS, Part.PANES);
        } else if (n instanceof Notification.LayoutChanged) {
            return EnumSet.of(Part.WINDOWS, Part.PANES); // sizes; panes split or closed
        } else if (n instanceof Notification.WindowPaneChanged) {
            return EnumSet.of(Part.PANES); // pane_active
        } else if (n instanceof Notification.ClientSessionChanged || n instanceof Notification.ClientDetached) {
            return EnumSet.of(Part.CLIENTS); // attach counts are derived from clients
        } else if (n instanceof Notification.SessionChanged) {
            return EnumSet.of(Part.CLIENTS); // our own client's session (ServerInfo.controlSession)
        } else if (n instanceof Notification.PaneModeChanged || n instanceof Notification.Exit) {
            return Set.of(); // modes and exits are not in the model
        } else if (n instanceof Notification.SubscriptionChanged) {
            // muxbar-windows: layouts, zoom, active panes; muxbar-pane-N: an agent pane's output (screen rules)
            return isWindowSubscription(n) ? EnumSet.of(Part.WINDOWS, Part.PANES) : Set.of();
        } else if (n instanceof Notification.Other o) {
            return IRRELEVANT.contains(o.name()) ? Set.of() : ALL; // unknown: be safe
        }
        throw new AssertionError(n);
    }

    /**
     * tmux's automatic-rename renames a window when its active pane's command changes, and a new
     * active pane may run something else: both are worth a scan before the next poll.
     */
    static boolean suggestsNewCommand(Notification n) {
        return n instanceof Notification.WindowChanged w && w.change() == Notification.Change.RENAMED
                || n instanceof Notification.WindowPaneChanged
                || isWindowSubscription(n);
    }

    /** Whether a client is in {@code after} that was not in {@code before} (every refresh asks: no allocation). */
    static boolean newClients(dev.muxbar.model.Snapshot before, dev.muxbar.model.Snapshot after) {
        for (dev.muxbar.model.Snapshot.Client c : after.clients()) {
            boolean seen = false;
            for (dev.muxbar.model.Snapshot.Client b : before.clients()) {
                seen |= b.name().equals(c.name());
            }
            if (!seen) {
                return true;
            }
        }
        return false;
    }
}
