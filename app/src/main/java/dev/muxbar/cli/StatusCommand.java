package dev.muxbar.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.muxbar.api.ApiClient;
import dev.muxbar.config.Paths;
import dev.muxbar.daemon.OrderStore;
import dev.muxbar.model.Model;
import dev.muxbar.model.OrderBook;
import dev.muxbar.model.Snapshot;
import dev.muxbar.model.Snapshot.Session;
import dev.muxbar.text.Cells;
import dev.muxbar.tmux.Formats;
import dev.muxbar.tmux.ListParser;
import dev.muxbar.tmux.TmuxProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code muxbar status}: the sessions in sidebar order, from the daemon or, if none runs, from tmux. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Show sessions in sidebar order (from the daemon, or tmux if none runs).")
final class StatusCommand implements Callable<Integer> {

    @Mixin
    Target target;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Paths paths = target.paths();
        Model model = null;
        boolean daemon = false;
        try (ApiClient api = new ApiClient(paths.socket())) {
            if (api.alive()) {
                ApiClient.Answer a = api.get("/state");
                if (a.status() == 200) {
                    model = CliJson.MAPPER.readValue(a.body(), Model.class);
                    daemon = true;
                }
            }
        }
        if (model == null) {
            model = fromTmux(paths);
            if (model == null) {
                System.err.println("muxbar: no tmux server is running at "
                        + target.address().socket());
                return 1;
            }
        }
        print(model, daemon);
        return 0;
    }

    /** Reads tmux directly (one process per list command) and applies the saved order. */
    private Model fromTmux(Paths paths) throws java.io.IOException {
        List<List<String>> replies = new ArrayList<>();
        for (List<String> argv : Formats.refreshArgv()) {
            TmuxProcess.Result r = TmuxProcess.run(target.address(), argv);
            if (!r.ok() && replies.isEmpty()) {
                return null; // display-message failed: no server
            }
            replies.add(r.ok() ? r.lines() : List.of());
        }
        Snapshot s = ListParser.snapshot(replies.subList(0, 5), -1).withProcesses(ListParser.processes(replies.get(5)));
        OrderBook book = new OrderStore(paths.orderState(), m -> {}).load().reconcile(s);
        return Model.of(s, book);
    }

    /** "  agents: 1.2 GB 14%": what the session's agents cost, or "" when none is sampled. */
    static String sessionCost(Model m, Session s) {
        long kb = 0;
        int cpu = 0;
        boolean any = false;
        for (dev.muxbar.model.Agent a : m.agentsOf(s.id())) {
            dev.muxbar.model.Cost c = m.costOf(a.pane());
            if (c != null) {
                kb += c.memKb();
                cpu += c.cpuPct();
                any = true;
            }
        }
        return any ? "  agents: " + new dev.muxbar.model.Cost(kb, cpu).memory() + " " + cpu + "%" : "";
    }

    private void print(Model m, boolean daemon) throws Exception {
        if (json) {
            ObjectNode root = CliJson.MAPPER.createObjectNode();
            root.put("daemon", daemon);
            ArrayNode list = root.putArray("sessions");
            int i = 1;
            for (Session s : m.shown()) {
                list.addObject()
                        .put("index", i++)
                        .put("id", s.id())
                        .put("name", s.name())
                        .put("windows", s.windows().size())
                        .put("panes", s.paneCount())
                        .put("attached", s.attached());
            }
            ArrayNode hidden = root.putArray("hidden");
            for (OrderBook.Entry e : m.order().hidden()) {
                if (!e.id().isEmpty()) {
                    hidden.addObject().put("id", e.id()).put("name", e.name());
                }
            }
            root.set("agents", CliJson.MAPPER.valueToTree(m.agents()));
            root.set("hosts", CliJson.MAPPER.valueToTree(m.hosts()));
            root.set("costs", CliJson.MAPPER.valueToTree(m.costs()));
            root.set("resumable", CliJson.MAPPER.valueToTree(m.resumable()));
            System.out.println(CliJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString((JsonNode) root));
            return;
        }
        System.out.println("muxbar: " + m.shown().size() + " sessions"
                + (daemon ? " (daemon running)" : " (daemon not running; read from tmux)"));
        int i = 1;
        for (Session s : m.shown()) {
            // names padded by cells, not chars: wide and combining names keep the columns straight
            System.out.printf(
                    "%3d  %-5s %s %2d windows %3d panes%s%n",
                    i++,
                    s.id(),
                    Cells.pad(s.name(), 24),
                    s.windows().size(),
                    s.paneCount(),
                    (s.attached() > 0 ? "  attached" : "") + sessionCost(m, s));
            for (dev.muxbar.model.Agent a : m.agentsOf(s.id())) {
                dev.muxbar.model.Cost c = m.costOf(a.pane());
                System.out.printf(
                        "       %-4s %-10s %-13s%s%s%s%n",
                        a.pane(),
                        a.agent(),
                        a.status().label() + (a.unseen() ? " (unseen)" : ""),
                        c == null ? "" : String.format(" %8s %3d%%", c.memory(), c.cpuPct()),
                        m.muted().contains(s.id()) ? " muted" : "",
                        a.title() == null ? "" : "  " + a.title());
            }
            for (dev.muxbar.model.Resumable r : m.resumableIn(s.name())) {
                System.out.printf(
                        "       %-4s %-10s %s%n",
                        "",
                        r.agent(),
                        r.hibernated() ? "hibernated (freed " + r.freedKb() / 1024 + " MB)" : "to resume");
            }
        }
        long freed = m.resumable().stream()
                .filter(dev.muxbar.model.Resumable::hibernated)
                .mapToLong(dev.muxbar.model.Resumable::freedKb)
                .sum();
        if (freed > 0) {
            System.out.println("     hibernated agents freed " + new dev.muxbar.model.Cost(freed, 0).memory());
        }
        long hidden = m.order().hidden().stream().filter(e -> !e.id().isEmpty()).count();
        if (hidden > 0) {
            System.out.println("     (" + hidden + " hidden)");
        }
        for (dev.muxbar.model.HostView h : m.hosts()) {
            System.out.println("── " + h.name() + " " + h.state() + (h.reason().isEmpty() ? "" : ": " + h.reason()));
            for (dev.muxbar.model.RemoteSession s : h.sessions()) {
                System.out.printf(
                        "       %s %2d windows%s%n",
                        Cells.pad(s.name(), 24), s.windows(), s.attached() ? "  attached" : "");
                for (dev.muxbar.model.Agent a : s.agents()) {
                    System.out.printf(
                            "       %-4s %-10s %s%n",
                            a.pane(), a.agent(), a.status().label() + (a.unseen() ? " (unseen)" : ""));
                }
            }
        }
    }
}
