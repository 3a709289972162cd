package dev.muxbar.sidebar.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.muxbar.model.Agent;
import dev.muxbar.model.Model;
import dev.muxbar.model.OrderBook;
import dev.muxbar.model.Snapshot;
import dev.muxbar.model.Source;
import dev.muxbar.model.Status;
import dev.muxbar.sidebar.view.Renderer;
import dev.muxbar.sidebar.view.View;
import dev.muxbar.testing.Snapshots;
import dev.muxbar.theme.Theme;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A frame drawn with the last frame's rows is the frame drawn from scratch; unchanged rows are taken over. */
class SessionRowsTest {
    private static final Theme THEME = Theme.builtIn("default");
    private static final Snapshot SNAPSHOT =
            Snapshots.of(1, 1, "$0", "work", "$1", "notes", "$2", "plain", "$3", "api");

    private static Model model(Status onePane, boolean unseen) {
        List<Agent> agents = List.of(
                new Agent("%0", "@0", "$0", "claude", "t", onePane, Source.HOOK, 0, null, null, unseen),
                new Agent("%2", "@2", "$2", "codex", "u", Status.DONE, Source.HOOK, 0, null, null, false));
        return Model.of(SNAPSHOT, OrderBook.EMPTY.reconcile(SNAPSHOT), agents, Set.of());
    }

    private static Renderer.Input input(Model m, View v, int w, long now, Theme t) {
        return new Renderer.Input(m, t, v, "$0", w, 12, Map.of(), now, null, List.of());
    }

    @Test
    void aSequenceOfFramesIsDrawnAsFromScratch() {
        SessionRows rows = new SessionRows();
        List<Renderer.Input> frames = new ArrayList<>();
        frames.add(input(model(Status.RUNNING, false), View.INITIAL, 30, 0, THEME));
        frames.add(input(model(Status.RUNNING, false), View.INITIAL, 30, 50, THEME)); // same spinner frame
        frames.add(input(model(Status.RUNNING, false), View.INITIAL, 30, 150, THEME)); // the spinner turns
        frames.add(input(model(Status.WAITING, false), View.INITIAL, 30, 160, THEME));
        frames.add(input(model(Status.DONE, true), View.INITIAL, 30, 170, THEME));
        frames.add(input(model(Status.DONE, true), View.INITIAL.withCursor("$2"), 30, 180, THEME)); // cursor moves
        frames.add(input(model(Status.DONE, true), View.INITIAL.withCursor("$2"), 24, 190, THEME)); // narrower
        frames.add(input(model(Status.DONE, true), View.INITIAL.withCursor("$2"), 24, 200, Theme.builtIn("nord")));
        for (Renderer.Input in : frames) {
            assertEquals(Renderer.render(in), Renderer.render(in, rows), "frame at " + in.now());
        }
    }

    @Test
    void aRowDrawnFromTheSameInputsIsTheLastFramesLine() {
        SessionRows rows = new SessionRows();
        List<Line> first = Renderer.render(input(model(Status.RUNNING, false), View.INITIAL, 30, 0, THEME), rows);
        // A new model in which only $0's agent changed: the other session rows are taken over as they are.
        List<Line> next = Renderer.render(input(model(Status.WAITING, false), View.INITIAL, 30, 20, THEME), rows);
        assertNotSame(first.get(2), next.get(2), "$0's agent now waits");
        assertNotEquals(first.get(2), next.get(2));
        assertSame(first.get(3), next.get(3), "$1: no agent, nothing changed");
        assertSame(first.get(4), next.get(4), "$2: its done agent is the same");
        // Time turns only a busy agent's spinner: $0 working is drawn again a spinner frame later, $2 is not.
        List<Line> busy = Renderer.render(input(model(Status.RUNNING, false), View.INITIAL, 30, 40, THEME), rows);
        List<Line> later = Renderer.render(
                input(model(Status.RUNNING, false), View.INITIAL, 30, 40 + AgentView.FRAME_MS, THEME), rows);
        assertNotEquals(busy.get(2), later.get(2), "the spinner turned");
        assertSame(busy.get(4), later.get(4));
    }
}
