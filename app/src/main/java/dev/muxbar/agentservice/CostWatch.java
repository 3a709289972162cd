package dev.muxbar.agentservice;

import dev.muxbar.agents.CostSampler;
import dev.muxbar.agents.Processes;
import dev.muxbar.model.Agent;
import dev.muxbar.model.Cost;
import dev.muxbar.model.Model;
import dev.muxbar.model.Scheduler;
import dev.muxbar.model.Snapshot;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Samples what each agent of this machine costs, on the process scan's cadence ({@link #EVERY_MS}):
 * the loop names each agent's pane, the {@code io} thread finds its process (the pane's foreground)
 * and reads {@code /proc} ({@link CostSampler}), and publishes the figures only when a rounded one
 * changed. No thread or process of its own; nothing at all while no agent runs.
 */
public final class CostWatch {

    public static final long EVERY_MS = 2_000;

    private final Processes processes;
    private final CostSampler sampler;
    private final Scheduler scheduler;
    private final Executor io;
    private final Supplier<Model> model;
    private final Consumer<Map<String, Cost>> publish;
    private volatile Map<String, Cost> sent = Map.of(); // written on io

    public CostWatch(
            Processes processes,
            CostSampler sampler,
            Scheduler scheduler,
            Executor io,
            Supplier<Model> model,
            Consumer<Map<String, Cost>> publish) {
        this.processes = processes;
        this.sampler = sampler;
        this.scheduler = scheduler;
        this.io = io;
        this.model = model;
        this.publish = publish;
    }

    public void start() {
        scheduler.every(EVERY_MS, this::tick);
    }

    /** On the loop: the agents' panes now (no /proc read here); their processes found and sampled on io. */
    void tick() {
        Model m = model.get();
        Map<String, Long> shells = new HashMap<>();
        if (m != null) {
            for (Agent a : m.agents()) {
                Snapshot.Pane p = a.host() == null ? m.snapshot().pane(a.pane()).orElse(null) : null;
                if (p != null && p.pid() > 0) {
                    shells.put(a.pane(), p.pid());
                }
            }
        }
        if (shells.isEmpty() && sent.isEmpty()) {
            return;
        }
        long now = scheduler.now();
        io.execute(() -> {
            Map<String, Long> roots = new HashMap<>();
            shells.forEach((pane, shell) -> {
                long fg = processes.foregroundOf(shell);
                roots.put(pane, fg > 0 ? fg : shell);
            });
            Map<String, Cost> costs = sampler.sample(roots, now);
            if (!costs.equals(sent)) {
                sent = costs;
                publish.accept(costs);
            }
        });
    }
}
