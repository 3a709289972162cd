package dev.muxbar.agents;

import dev.muxbar.json.Json;
import dev.muxbar.json.Node;
import dev.muxbar.model.Snapshot;
import dev.muxbar.model.Snapshot.Client;
import dev.muxbar.model.Snapshot.Pane;
import dev.muxbar.model.Snapshot.Session;
import dev.muxbar.model.Snapshot.Window;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Snapshots with agent panes, and fixture files of recorded signals. */
public final class AgentFixtures {
    private AgentFixtures() {}

    /** Session $1 "work" (window @1, pane %1 in /src) and $2 "notes" (@2, %2 in /notes); each pane runs {@code command}. */
    public static Snapshot snapshot(String command, boolean viewWork, boolean viewNotes) {
        Session work = session(1, "work", command, "/src");
        Session notes = session(2, "notes", command, "/notes");
        List<Client> clients = new ArrayList<>();
        if (viewWork) {
            clients.add(new Client("c1", "/dev/pts/50", 50, "$1", 0, 160, 40));
        }
        if (viewNotes) {
            clients.add(new Client("c2", "/dev/pts/51", 51, "$2", 0, 160, 40));
        }
        return new Snapshot(new Snapshot.ServerInfo(1, 1, "3.3a"), List.of(work, notes), clients);
    }

    static Session session(int n, String name, String command, String cwd) {
        Pane p = new Pane("%" + n, "/dev/pts/" + n, 100 + n, command, cwd, true, "t", 80, 24, false);
        Window w = new Window("@" + n, 0, "w", true, 80, 24, false, List.of(p));
        return new Session("$" + n, name, 1000 + n, 0, List.of(w));
    }

    /** One line of a fixture: at (ms), what to expect after it, and a hook payload or transcript line. */
    record Step(long at, String expect, Node hook, Node transcript) {}

    static List<Step> steps(String resource) throws IOException {
        List<Step> out = new ArrayList<>();
        try (InputStream in = AgentFixtures.class.getResourceAsStream("/agents/" + resource)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                Node n = Json.parse(line);
                out.add(new Step(n.get("at").asLong(), n.get("expect").asText(), n.get("hook"), n.get("transcript")));
            }
        }
        return out;
    }
}
