package dev.muxbar.act;

import dev.muxbar.agents.AgentRules;
import dev.muxbar.agents.Prompts;
import dev.muxbar.agents.Signal;
import dev.muxbar.model.Agent;
import dev.muxbar.model.Model;
import dev.muxbar.model.Scheduler;
import dev.muxbar.model.Source;
import dev.muxbar.model.Status;
import dev.muxbar.model.Wait;
import dev.muxbar.tmux.Commands;
import dev.muxbar.tmux.TmuxGateway;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Answers an agent's prompt or replies to it. Every answer is checked in the step that sends it: the
 * pane is captured, its prompt region hashed, and the keys go only when the hash is the one the
 * choice was made for and the pane still holds an agent row of the same agent; otherwise nothing is
 * sent and the outcome says why. Costs nothing while nobody acts: the pane is read only for an action.
 */
public final class AgentActions implements AgentDoor {

    /** Replies longer than this are refused (a prompt line, not a file). */
    public static final int MAX_REPLY = 4096;
    /**
     * Enter goes this long after a reply's text: Codex 0.169 takes input that arrives in one burst as
     * a paste, and an Enter within it as a newline in the composer (20 ms apart was enough there).
     */
    static final long SUBMIT_GAP_MS = 60;

    /** What became of an action; {@code status} is the HTTP status the API answers with. */
    public sealed interface Outcome {
        String message();

        int status();

        /** The keys or text went to the pane. */
        record Sent(String pane, String agent, String what) implements Outcome {
            public String message() {
                return "sent " + what + " to " + agent + " in " + pane;
            }

            public int status() {
                return 200;
            }
        }

        /** Another machine's muxbar sent it; {@code said}: its own words. */
        record SentThere(String host, String said) implements Outcome {
            public String message() {
                return said + " on " + host;
            }

            public int status() {
                return 200;
            }
        }

        /** Nothing was sent; {@code status}: 400 bad input, 404 no such pane or agent, 409 the state differs. */
        record Refused(int status, String message) implements Outcome {}
    }

    /** The prompt an agent in a pane shows now. */
    public record Shown(String pane, String agent, Status status, Wait waitsFor, Prompts.Prompt prompt) {}

    private final TmuxGateway tmux;
    private final Scheduler scheduler;
    private final Supplier<Model> model;
    private final AgentRules rules;
    private final Consumer<String> log;
    private final Consumer<Signal> answered;

    /** {@code answered}: told when an answer went out (the row's waiting is over; the screen may lag). */
    public AgentActions(
            TmuxGateway tmux,
            Scheduler scheduler,
            Supplier<Model> model,
            AgentRules rules,
            Consumer<String> log,
            Consumer<Signal> answered) {
        this.tmux = tmux;
        this.scheduler = scheduler;
        this.answered = answered;
        this.model = model;
        this.rules = rules;
        this.log = log;
    }

    /** The agent row of a pane (a waiting one first), if any. */
    public Optional<Agent> row(String pane) {
        Model m = model.get();
        if (m == null) {
            return Optional.empty();
        }
        Agent found = null;
        for (Agent a : m.agents()) {
            if (a.pane().equals(pane) && (found == null || a.status() == Status.WAITING)) {
                found = a;
            }
        }
        return Optional.ofNullable(found);
    }

    /** What the agent in {@code pane} asks now (a null prompt when its screen shows none its rules know); empty: no agent. */
    @Override
    public CompletableFuture<Optional<Shown>> show(String pane) {
        Optional<Agent> a = row(pane);
        if (a.isEmpty()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        Agent row = a.get();
        return read(pane, row)
                .thenApply(p -> Optional.of(new Shown(pane, row.agent(), row.status(), row.waitsFor(), p)));
    }

    /**
     * The last lines of an agent's pane, with colours (another machine's peek reads them this way);
     * empty: no agent row in that pane — only agents' screens are offered.
     */
    public CompletableFuture<Optional<List<String>>> screen(String pane) {
        if (row(pane).isEmpty()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return tmux.send(Commands.capturePaneStyled(pane)).thenApply(Optional::of);
    }

    /** Picks choice {@code number} (1-based) of the prompt whose hash is {@code hash}. */
    @Override
    public CompletableFuture<Outcome> answer(String pane, int number, String hash) {
        Optional<Agent> a = row(pane);
        if (a.isEmpty()) {
            return CompletableFuture.completedFuture(noAgent(pane));
        }
        String agent = a.get().agent();
        return read(pane, a.get()).thenCompose(p -> {
            Optional<Agent> now = row(pane);
            Outcome refused = null;
            if (now.isEmpty() || !now.get().agent().equals(agent)) {
                refused = new Outcome.Refused(409, "the pane " + pane + " no longer runs " + agent + ": nothing sent");
            } else if (p == null) {
                refused = new Outcome.Refused(
                        409, agent + " in " + pane + " shows no prompt muxbar can answer: nothing sent");
            } else if (hash != null && !hash.equals(p.hash())) {
                refused = new Outcome.Refused(
                        409, "the prompt changed (it is " + p.hash() + " now, not " + hash + "): nothing sent");
            } else if (number < 1 || number > p.choices().size()) {
                refused = new Outcome.Refused(
                        400,
                        "choice " + number + " is not one of 1.." + p.choices().size());
            }
            if (refused != null) {
                log.accept("answer to " + pane + " refused: " + refused.message());
                return CompletableFuture.completedFuture(refused);
            }
            Prompts.Choice c = p.choices().get(number - 1);
            log.accept("answer to " + agent + " in " + pane + ": " + number + " \"" + c.label() + "\" keys " + c.keys()
                    + " (prompt " + p.hash() + ")");
            return tmux.send(Commands.sendKeys(pane, c.keys())).thenApply(v -> {
                // A denial that ends the turn ends it now; any other answer lets the agent go on.
                answered.accept(
                        Signal.of(Source.SCREEN, agent, c.ends() ? Status.INTERRUPTED : Status.RUNNING, pane, null)
                                .withCue(Signal.Cue.ANSWERED, null)
                                .because("muxbar answered: " + c.label()));
                return (Outcome) new Outcome.Sent(pane, agent, "choice " + number + " (" + c.label() + ")");
            });
        });
    }

    /**
     * Types {@code text} into the agent's input and presses Enter: at once to an agent waiting for
     * input (idle, done, interrupted, error, stale, or waiting for the answer to its question); to a
     * working agent or one waiting for a permission or a plan only when {@code force}.
     */
    @Override
    public CompletableFuture<Outcome> reply(String pane, String text, boolean force) {
        if (text == null || text.isBlank()) {
            return CompletableFuture.completedFuture(new Outcome.Refused(400, "the reply is empty"));
        }
        if (text.length() > MAX_REPLY) {
            return CompletableFuture.completedFuture(
                    new Outcome.Refused(400, "the reply is longer than " + MAX_REPLY + " characters"));
        }
        if (text.codePoints().anyMatch(Character::isISOControl)) {
            return CompletableFuture.completedFuture(new Outcome.Refused(
                    400, "the reply holds a control character (a newline, a tab, an escape): one line of text only"));
        }
        Optional<Agent> a = row(pane);
        if (a.isEmpty()) {
            return CompletableFuture.completedFuture(noAgent(pane));
        }
        Agent row = a.get();
        if (!force && !listens(row)) {
            return CompletableFuture.completedFuture(new Outcome.Refused(
                    409,
                    row.agent() + " in " + pane + " is "
                            + row.status().label()
                            + (row.waitsFor() != null ? " (" + row.waitsFor().label() + ")" : "")
                            + ": confirm to send anyway (force)"));
        }
        log.accept("reply to " + row.agent() + " in " + pane + " ("
                + row.status().label() + "): " + text.length() + " characters" + (force ? ", forced" : ""));
        CompletableFuture<Void> typed = new CompletableFuture<>();
        tmux.send(Commands.sendText(pane, text)).whenComplete((v, err) -> {
            if (err != null) {
                typed.completeExceptionally(err);
            } else {
                scheduler.schedule(SUBMIT_GAP_MS, () -> typed.complete(null));
            }
        });
        return typed.thenCompose(v -> tmux.send(Commands.sendKeys(pane, List.of("Enter"))))
                .thenApply(v ->
                        (Outcome) new Outcome.Sent(pane, row.agent(), "a reply of " + text.length() + " characters"));
    }

    /** Whether an agent takes typed input now. */
    public static boolean listens(Agent a) {
        return switch (a.status()) {
            case IDLE, DONE, INTERRUPTED, ERROR, STALE -> true;
            case WAITING -> a.waitsFor() == Wait.QUESTION;
            case RUNNING, TOOL_RUNNING -> false;
        };
    }

    private CompletableFuture<Prompts.Prompt> read(String pane, Agent a) {
        AgentRules.Definition d = rules.get(a.agent());
        if (d == null || d.answers().isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return tmux.send(Commands.capturePane(pane))
                .thenApply(lines -> Prompts.read(d.answers(), Prompts.region(lines, d.lines())));
    }

    private static Outcome noAgent(String pane) {
        return new Outcome.Refused(404, "no agent row in pane " + pane);
    }
}
