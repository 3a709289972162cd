package dev.muxbar.resume;

import dev.muxbar.model.Agent;
import dev.muxbar.model.Model;
import dev.muxbar.model.Scheduler;
import dev.muxbar.model.Status;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Agents across restarts, as the API, the CLI and the sidebar reach them (on the loop): which
 * remembered agents a target names, resuming them ({@link Resumer}), hibernating one
 * ({@link Hibernator}), and the two policies — {@code @muxbar-resume} ({@code auto}: the agents that
 * went with the last tmux server come back with the first model; {@code ask}, the default: the sidebar
 * and a notice offer them; {@code off}) and {@code @muxbar-hibernate-after} (idle or done agents
 * hibernated after that long; off unless set).
 */
public final class Revival implements dev.muxbar.act.Lifetimes {

    static final long POLICY_MS = 60_000;
    static final long SETTLE_MS = 3_000;

    private final AgentMemory memory;
    private final Resumer resumer;
    private final Hibernator hibernator;
    private final Starter starter;
    private final Supplier<Model> model;
    private final Scheduler scheduler;
    private final Consumer<String> notice;
    private final String policy;
    private final long hibernateAfterMs;
    private final Supplier<CompletableFuture<Boolean>> restoring;
    private boolean started;

    public Revival(
            AgentMemory memory,
            Resumer resumer,
            Hibernator hibernator,
            Starter starter,
            Supplier<Model> model,
            Scheduler scheduler,
            Consumer<String> notice,
            String policy,
            long hibernateAfterMs,
            Supplier<CompletableFuture<Boolean>> restoring) {
        this.restoring = restoring;
        this.starter = starter;
        this.memory = memory;
        this.resumer = resumer;
        this.hibernator = hibernator;
        this.model = model;
        this.scheduler = scheduler;
        this.notice = notice;
        this.policy = policy == null || policy.isBlank() ? "ask" : policy.strip();
        this.hibernateAfterMs = hibernateAfterMs;
        if (hibernateAfterMs > 0) {
            scheduler.every(POLICY_MS, this::hibernateIdle);
        }
    }

    /** {@code @muxbar-hibernate-after}: {@code 90m}, {@code 2h}, {@code 1d}; 0 for off or not a duration. */
    public static long duration(String option) {
        String o = option == null ? "" : option.strip();
        if (!o.matches("[0-9]{1,6}[smhd]")) {
            return 0;
        }
        long n = Long.parseLong(o.substring(0, o.length() - 1));
        return n
                * switch (o.charAt(o.length() - 1)) {
                    case 's' -> 1_000L;
                    case 'm' -> 60_000L;
                    case 'h' -> 3_600_000L;
                    default -> 86_400_000L;
                };
    }

    /**
     * Each model: the resumer's watch; {@link #SETTLE_MS} after the first one, the resume policy — so a
     * tmux-resurrect restore that starts with the server is under way (and holds it) by then.
     */
    public void onModel(Model m) {
        resumer.onModel(m);
        if (started || m.snapshot().sessions().isEmpty()) {
            return;
        }
        started = true;
        scheduler.schedule(
                SETTLE_MS,
                () -> restoring.get().thenAccept(busy -> {
                    if (!busy) {
                        applyPolicy();
                    }
                }));
    }

    /** The policy in a second: a restore that just ended has its last sessions reach the model first. */
    public void applyPolicySoon() {
        scheduler.schedule(1_000, this::applyPolicy);
    }

    /**
     * The resume policy now (also when a tmux-resurrect restore ends: its panes are there to type
     * into): {@code auto} brings back every agent that went with a restart, {@code ask} says how many
     * can come back, {@code off} nothing. Hibernated agents wait to be woken.
     */
    public void applyPolicy() {
        Model m = model.get();
        List<Remembered> back = memory.memory().resumable().stream()
                .filter(e -> e.state() == Remembered.State.LIVE)
                .toList();
        if (m == null || back.isEmpty() || policy.equals("off")) {
            return;
        }
        if (policy.equals("auto")) {
            resumer.resume(back, m, false);
        } else {
            notice.accept(back.size() + (back.size() == 1 ? " agent" : " agents")
                    + " can come back: b on its session in the sidebar, or muxbar resume --all");
        }
    }

    /** The remembered agents {@code target} names: all, a pane's, an id's (or key's), or a session's. */
    public List<Remembered> select(String target) {
        List<Remembered> all = memory.memory().resumable();
        if (target == null || target.isBlank() || target.equals("all") || target.equals("--all")) {
            return all;
        }
        if (target.equals("orphans")) {
            Model m = model.get();
            return all.stream()
                    .filter(e -> m == null
                            || m.snapshot().sessions().stream()
                                    .noneMatch(x -> x.name().equals(e.session())))
                    .toList();
        }
        List<Remembered> byPane =
                all.stream().filter(e -> target.equals(e.paneId())).toList();
        if (!byPane.isEmpty()) {
            return byPane;
        }
        List<Remembered> byId = all.stream()
                .filter(e -> target.equals(e.resumeId()) || target.equals(e.key()))
                .toList();
        return byId.isEmpty()
                ? all.stream().filter(e -> target.equals(e.session())).toList()
                : byId;
    }

    public CompletableFuture<List<Resumer.Outcome>> resume(String target, boolean dryRun) {
        List<Remembered> chosen = select(target);
        if (chosen.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "nothing to resume" + (target == null || target.isBlank() ? "" : " for " + target)));
        }
        return resumer.resume(chosen, model.get(), dryRun);
    }

    @Override
    public CompletableFuture<String> start(String agent, String branch, String dir, String prompt) {
        return start(new Starter.Request(agent, branch, null, dir, null, prompt, List.of()));
    }

    @Override
    public CompletableFuture<String> removeWorktree(String path) {
        return starter.removeWorktree(path);
    }

    /** Starts a new agent ({@link Starter}). */
    public CompletableFuture<String> start(Starter.Request r) {
        return starter.start(r, model.get());
    }

    @Override
    public CompletableFuture<String> bringBack(String target, String then) {
        List<Remembered> chosen = select(target);
        if (chosen.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("nothing to bring back"));
        }
        return resumer.resume(chosen, model.get(), false, then).thenApply(outcomes -> {
            long done = outcomes.stream().filter(Resumer.Outcome::done).count();
            String refused = outcomes.stream()
                    .filter(o -> !o.done())
                    .map(o -> o.agent() + ": " + o.said())
                    .findFirst()
                    .map(s -> "; not " + s)
                    .orElse("");
            return "brought back " + done + (done == 1 ? " agent" : " agents") + refused;
        });
    }

    @Override
    public CompletableFuture<String> hibernate(String pane) {
        return hibernator.hibernate(pane, model.get());
    }

    public Memory memory() {
        return memory.memory();
    }

    private void hibernateIdle() {
        Model m = model.get();
        if (m == null) {
            return;
        }
        long now = scheduler.now();
        for (Agent a : m.agents()) {
            boolean resting = a.status() == Status.IDLE || a.status() == Status.DONE;
            if (a.host() == null && resting && now - a.since() >= hibernateAfterMs) {
                hibernator.hibernate(a.pane(), m); // refused ones (not remembered yet, …) are tried next time
            }
        }
    }
}
