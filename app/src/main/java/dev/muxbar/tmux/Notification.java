package dev.muxbar.tmux;

import java.util.List;

/**
 * A notification line from a control-mode client, outside any {@code %begin}/{@code %end} block.
 * Only the ones the daemon reacts to are typed; everything else becomes {@link Other} so that a
 * newer tmux with new notifications never breaks the parser.
 */
public sealed interface Notification {
    /** {@code %sessions-changed}: a session was created or destroyed. */
    record SessionsChanged() implements Notification {}
    /** {@code %session-changed $1 name}: the control client's own session changed. */
    record SessionChanged(String sessionId, String name) implements Notification {}
    /** {@code %session-renamed $2 newname}. */
    record SessionRenamed(String sessionId, String name) implements Notification {}
    /** {@code %session-window-changed $1 @2}: a session's active window changed. */
    record SessionWindowChanged(String sessionId, String windowId) implements Notification {}
    /**
     * {@code %window-add @3}, {@code %window-close @3}, {@code %window-renamed @3 name}; {@code linked}
     * is false for the {@code %unlinked-window-*} forms (a window outside the control client's session).
     */
    record WindowChanged(Change change, boolean linked, String windowId) implements Notification {}

    /** What happened to a window. */
    enum Change {
        ADD,
        CLOSE,
        RENAMED
    }
    /** {@code %layout-change @0 <layout> <visible-layout> <flags>}. */
    record LayoutChanged(String windowId, String layout) implements Notification {}
    /** {@code %window-pane-changed @0 %3}: a window's active pane changed. */
    record WindowPaneChanged(String windowId, String paneId) implements Notification {}
    /** {@code %client-session-changed /dev/pts/4 $1 beta}: another client switched session. */
    record ClientSessionChanged(String client, String sessionId, String name) implements Notification {}
    /** {@code %client-detached /dev/pts/4}. */
    record ClientDetached(String client) implements Notification {}
    /** {@code %pane-mode-changed %3}. */
    record PaneModeChanged(String paneId) implements Notification {}
    /**
     * {@code %subscription-changed NAME $1 @1 1 %1 : VALUE}: a {@code refresh-client -B} subscription's
     * value changed; {@code args} are the fields after the name.
     */
    record SubscriptionChanged(String name, List<String> args) implements Notification {}
    /** {@code %exit [reason]}: the control client is about to be detached. */
    record Exit(String reason) implements Notification {}
    /** Any other line outside a block: kept by name and arguments, acted on as "something changed". */
    record Other(String name, List<String> args) implements Notification {}
}
