package dev.muxbar.state;

import dev.muxbar.model.Snapshot;
import dev.muxbar.tmux.Notification;
import java.util.concurrent.CompletableFuture;

/** Everything that can change state. Posted by watchers, readers and the API; handled on the loop. */
public sealed interface Event {
    /** tmux said something changed. */
    record TmuxChanged(Notification notification) implements Event {}

    /** The slow reconciliation poll: refresh in case a notification was missed. */
    record Reconcile() implements Event {}

    /** Something the daemon itself did changed these parts without a notification (e.g. a pane option). */
    record Refresh(java.util.Set<dev.muxbar.tmux.Formats.Part> parts) implements Event {}

    /** A refresh landed. */
    record Refreshed(Snapshot snapshot) implements Event {}

    /** A pane process scan landed: pane id → command and cwd. */
    record PanesScanned(java.util.Map<String, Snapshot.PaneProcess> processes) implements Event {}

    /** A refresh failed (the control client went away mid-flight, tmux returned an error). */
    record RefreshFailed(String reason) implements Event {}

    /** The user edits the order; {@code done} completes once it is saved, or fails with the reason. */
    record EditOrder(OrderEdit edit, CompletableFuture<Void> done) implements Event {}

    /** An agent signal from any source; {@code done} (may be null) completes with what became of it. */
    record AgentSignal(dev.muxbar.agents.Signal signal, CompletableFuture<dev.muxbar.agents.Tracker.Outcome> done)
            implements Event {}

    /** What an agent pane's screen shows now (a capture the screen rules just read). */
    record AgentScreen(String pane, String text) implements Event {}

    /** Why agent rows show what they show (one pane, or all when {@code pane} is null). */
    record ExplainAgents(String pane, CompletableFuture<java.util.List<dev.muxbar.agents.Explanation>> done)
            implements Event {}

    /** What a script says about a session ({@code sessionId} already resolved); {@code done} completes once applied. */
    record SetMeta(String sessionId, MetaChange change, CompletableFuture<Void> done) implements Event {}

    /** One change of a session's {@link dev.muxbar.model.Meta}; {@code ttlMs}: how long it shows. */
    sealed interface MetaChange {
        record Status(String text, dev.muxbar.model.Meta.Tone tone, long ttlMs) implements MetaChange {}

        record Progress(int done, int of, long ttlMs) implements MetaChange {}

        record Log(String text, dev.muxbar.model.Meta.Tone tone, long ttlMs) implements MetaChange {}

        record Clear() implements MetaChange {}
    }

    /** Mute or unmute attention alerts (bell, message) of a session. */
    record ToggleMute(String sessionId) implements Event {}

    /** Sidebars on, off or (null) flipped; {@code done} (may be null) completes with the new state. */
    record SetSidebars(Boolean on, CompletableFuture<Boolean> done) implements Event {}

    /** Sidebars this wide; {@code keep}: also saved and told to tmux (else a live preview). */
    record SetWidth(int width, boolean keep) implements Event {}

    /** A note every sidebar shows in its footer for {@link Core#NOTICE_MS}. */
    record ShowNotice(String text) implements Event {}

    /** Show theme {@code name} on every sidebar, kept when {@code keep}; {@code done} (may be null) gets what happened. */
    record ChooseTheme(String name, boolean keep, CompletableFuture<dev.muxbar.theme.ThemeResult> done)
            implements Event {}

    /** The theme service showed this theme (a choice, the system's appearance, a theme file changed). */
    record ThemeShown(String name) implements Event {}

    /** Another machine's link changed ({@code view}), or the host was removed ({@code view} null). */
    record HostChanged(String name, dev.muxbar.model.HostView view) implements Event {}

    /** What the agents' conversations have used, by thread (their transcripts and rollouts say). */
    record UsageChanged(java.util.Map<String, dev.muxbar.model.Usage> now) implements Event {}

    /** What the agents' processes cost now, by pane (only when a rounded figure changed). */
    record CostsChanged(java.util.Map<String, dev.muxbar.model.Cost> now) implements Event {}

    /** The agents remembered that can be brought back now (the memory changed). */
    record ResumableChanged(java.util.List<dev.muxbar.model.Resumable> now) implements Event {}

    /** An edit of the custom order or hidden set. Sessions are referenced by id ({@code $3}). */
    sealed interface OrderEdit {
        record Move(String sessionId, int position) implements OrderEdit {}

        record Hide(String sessionId) implements OrderEdit {}

        record Unhide(String sessionId) implements OrderEdit {}

        record UnhideAll() implements OrderEdit {}

        record Reset() implements OrderEdit {}

        /** The book after this edit; an {@code IllegalArgumentException} when it names no such session. */
        default dev.muxbar.model.OrderBook applyTo(
                dev.muxbar.model.OrderBook book, dev.muxbar.model.Snapshot snapshot) {
            if (this instanceof Move m) {
                return book.move(snapshot, m.sessionId(), m.position());
            } else if (this instanceof Hide h) {
                return book.hide(snapshot, h.sessionId());
            } else if (this instanceof Unhide u) {
                return book.unhide(snapshot, u.sessionId());
            } else if (this instanceof UnhideAll) {
                return book.unhideAll();
            } else if (this instanceof Reset) {
                return book.resetOrder();
            }
            throw new AssertionError(this);
        }
    }
}
