package dev.muxbar.state;

import dev.muxbar.agents.Identities;
import dev.muxbar.agents.Tracker;
import dev.muxbar.model.Choices;
import dev.muxbar.model.OrderBook;
import dev.muxbar.model.Snapshot;
import dev.muxbar.theme.ThemeChoices;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What {@link Core} works with besides tmux, all given when it is built (nothing is set after): the
 * agent tracker and how a pane's agent is identified (by its process; panes that are elsewhere); where the order book is saved
 * (an edit is acknowledged only once its book is saved: a kill right after a 200 must not lose the
 * move); the user's saved choices; who shows themes ({@code ChooseTheme} goes to it); where
 * per-transition lines go. {@link #NONE}: a tracker that places by nothing, nothing saved, the
 * default choices, no themes, no trace.
 */
public record CoreParts(
        Tracker tracker,
        Function<Snapshot, Identities> identify,
        Function<OrderBook, ? extends CompletionStage<?>> save,
        Choices choices,
        ThemeChoices themes,
        Consumer<Supplier<String>> trace) {

    public static final CoreParts NONE = new CoreParts(
            null, s -> Identities.NONE, b -> CompletableFuture.completedFuture(null), Choices.DEFAULT, null, m -> {});

    public CoreParts agents(Tracker t, Function<Snapshot, Identities> id) {
        return new CoreParts(t, id, save, choices, themes, trace);
    }

    public CoreParts saving(Function<OrderBook, ? extends CompletionStage<?>> s) {
        return new CoreParts(tracker, identify, s, choices, themes, trace);
    }

    public CoreParts choosing(Choices c) {
        return new CoreParts(tracker, identify, save, c, themes, trace);
    }

    public CoreParts showing(ThemeChoices t) {
        return new CoreParts(tracker, identify, save, choices, t, trace);
    }

    public CoreParts tracing(Consumer<Supplier<String>> t) {
        return new CoreParts(tracker, identify, save, choices, themes, t);
    }
}
