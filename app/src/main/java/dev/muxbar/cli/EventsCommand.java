package dev.muxbar.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.muxbar.api.ApiClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code muxbar events [--json] [--types T] [--session S] [--pane P]}: the daemon's event stream,
 * one line per event ({@code 42 agent {…}}, or with {@code --json} {@code {"id":42,"event":"agent","data":{…}}}),
 * until interrupted. Starts with a snapshot.
 */
@Command(
        name = "events",
        mixinStandardHelpOptions = true,
        description = "Print the daemon's events as they happen, one per line.")
final class EventsCommand implements Callable<Integer> {

    @Mixin
    Target target;

    @Option(names = "--json", description = "One JSON object per line: id, event, data.")
    boolean json;

    @Option(
            names = "--types",
            paramLabel = "T,…",
            description = "Only these: agents, sessions, theme, notice, meta, hosts.")
    String types;

    @Option(names = "--session", paramLabel = "S", description = "Only this session's agents (id or name).")
    String session;

    @Option(names = "--pane", paramLabel = "P", description = "Only this pane's agents (%%3).")
    String pane;

    @Override
    public Integer call() throws Exception {
        String query = Streams.query(types, session, pane);
        if (query == null) {
            System.err.println("muxbar: --pane takes a pane like %3");
            return 2;
        }
        try (ApiClient api = new ApiClient(target.paths().socket())) {
            if (!api.alive()) {
                System.err.println("muxbar: no daemon runs for this tmux server");
                return 2;
            }
            int status = api.stream(
                    "/events" + query,
                    0,
                    e -> {
                        if (json) {
                            ObjectNode n = CliJson.MAPPER.createObjectNode();
                            n.put("id", e.id() == null ? null : Long.valueOf(e.id()));
                            n.put("event", e.event());
                            try {
                                n.set("data", CliJson.MAPPER.readTree(e.data()));
                            } catch (java.io.IOException x) {
                                n.put("data", e.data());
                            }
                            System.out.println(n);
                        } else {
                            System.out.println((e.id() == null ? "-" : e.id()) + " " + e.event() + " " + e.data());
                        }
                        System.out.flush();
                        return true;
                    },
                    err -> System.err.println("muxbar: " + Panes.error(err)));
            return status == 200 ? 0 : 2;
        }
    }
}
