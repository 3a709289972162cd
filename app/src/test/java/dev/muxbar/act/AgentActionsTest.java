package dev.muxbar.act;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.muxbar.agents.AgentFixtures;
import dev.muxbar.agents.AgentRules;
import dev.muxbar.agents.Prompts;
import dev.muxbar.model.Agent;
import dev.muxbar.model.Model;
import dev.muxbar.model.OrderBook;
import dev.muxbar.model.Snapshot;
import dev.muxbar.model.Source;
import dev.muxbar.model.Status;
import dev.muxbar.model.Wait;
import dev.muxbar.state.ManualScheduler;
import dev.muxbar.tmux.FakeTmux;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AgentActionsTest {

    private static final List<String> DIALOG = List.of(
            "│ Bash command │",
            "│   make test │",
            "│ Do you want to proceed? │",
            "│ ❯ 1. Yes │",
            "│   2. Yes, and don't ask again │",
            "│   3. No, and tell Claude what to do differently (esc) │");

    private final FakeTmux tmux = new FakeTmux();
    private final List<String> log = new ArrayList<>();
    private final List<dev.muxbar.agents.Signal> answers = new ArrayList<>();
    private Model model;
    private List<String> screen = DIALOG;
    private final ManualScheduler clock = new ManualScheduler();
    private final AgentActions actions =
            new AgentActions(tmux, clock, () -> model, AgentRules.load(null, m -> {}), log::add, answers::add);

    AgentActionsTest() {
        tmux.answering("capture-pane", c -> screen);
        row(Status.WAITING, Wait.PERMISSION);
    }

    private void row(Status status, Wait wait) {
        Snapshot s = AgentFixtures.snapshot("claude", true, false);
        model = Model.of(
                s,
                OrderBook.EMPTY.reconcile(s),
                List.of(new Agent("%1", "@1", "$1", "claude", "t1", status, Source.HOOK, 0, null, null, false, wait)),
                Set.of());
    }

    private String hash() {
        return Prompts.hash(Prompts.region(DIALOG, 12));
    }

    @Test
    void anAnswerGoesOnlyToThePromptItWasChosenFor() throws Exception {
        AgentActions.Outcome ok = actions.answer("%1", 2, hash()).get();
        assertInstanceOf(AgentActions.Outcome.Sent.class, ok, ok.message());
        assertEquals(List.of("send-keys -t '%1' '2'"), tmux.sent("send-keys"));
        assertEquals(
                List.of(dev.muxbar.agents.Signal.Cue.ANSWERED),
                answers.stream().map(dev.muxbar.agents.Signal::cue).toList(),
                "the tracker hears that the prompt was answered, before the screen redraws");
        // The dialog changed between the choice and the key: nothing is sent, and the reason says so.
        screen = List.of("│ Do you want to proceed? │", "│ ❯ 1. Yes │", "│   2. No │");
        AgentActions.Outcome changed = actions.answer("%1", 2, hash()).get();
        assertEquals(409, changed.status());
        assertTrue(changed.message().contains("the prompt changed"), changed.message());
        assertEquals(1, tmux.sent("send-keys").size());
        assertEquals(
                400,
                actions.answer("%1", 4, Prompts.hash(Prompts.region(screen, 12)))
                        .get()
                        .status());
        assertEquals(404, actions.answer("%9", 1, hash()).get().status());
        screen = List.of("✻ Thinking… (esc to interrupt)");
        assertEquals(409, actions.answer("%1", 1, null).get().status(), "no prompt on screen");
        assertEquals(1, tmux.sent("send-keys").size());
        assertTrue(log.stream().anyMatch(l -> l.contains("keys [2]")), log.toString());
    }

    @Test
    void aReplyIsTypedLiterallyAndOnlyToAnAgentThatListens() throws Exception {
        row(Status.DONE, null);
        String text = "-n ; #{pane_id} \"q\" $HOME é";
        var sent = actions.reply("%1", text, false);
        assertEquals(List.of("send-keys -l -t '%1' -- '-n ; #{pane_id} \"q\" $HOME é'"), tmux.sent("send-keys"));
        clock.advance(AgentActions.SUBMIT_GAP_MS - 1);
        assertEquals(1, tmux.sent("send-keys").size(), "Enter right after the text would be part of a paste (Codex)");
        clock.advance(1);
        assertEquals(200, sent.get().status());
        assertEquals(
                List.of("send-keys -l -t '%1' -- '-n ; #{pane_id} \"q\" $HOME é'", "send-keys -t '%1' 'Enter'"),
                tmux.sent("send-keys"));
        row(Status.RUNNING, null);
        AgentActions.Outcome busy = actions.reply("%1", "stop", false).get();
        assertEquals(409, busy.status());
        assertTrue(busy.message().contains("confirm"), busy.message());
        assertEquals(200, replied("stop", true));
        row(Status.WAITING, Wait.QUESTION);
        assertEquals(200, replied("GitLab", false), "a question takes typed text");
        assertEquals(400, actions.reply("%1", "two\nlines", true).get().status());
        assertEquals(400, actions.reply("%1", " ", true).get().status());
        assertEquals(404, actions.reply("%7", "hi", true).get().status());
    }

    private int replied(String text, boolean force) throws Exception {
        var sent = actions.reply("%1", text, force);
        clock.advance(AgentActions.SUBMIT_GAP_MS);
        return sent.get().status();
    }
}
