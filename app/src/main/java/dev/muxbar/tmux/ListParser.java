package dev.muxbar.tmux;

import dev.muxbar.model.Snapshot;
import dev.muxbar.model.Snapshot.Client;
import dev.muxbar.model.Snapshot.Pane;
import dev.muxbar.model.Snapshot.ServerInfo;
import dev.muxbar.model.Snapshot.Session;
import dev.muxbar.model.Snapshot.Window;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pure functions from the output of {@link Formats#refreshCommands()} to a {@link Snapshot}.
 * They never throw: a malformed record is skipped, a malformed number reads as 0.
 */
public final class ListParser {
    private ListParser() {}

    /**
     * Splits reply lines into records of exactly {@code fields} fields. Every record starts a line with
     * RS; a line without it continues the previous record (a newline inside the last field).
     * Example input line: {@code "\u001e$1\u001f1795395925\u001fwe\tird"} (three fields).
     */
    public static List<String[]> records(List<String> lines, int fields) {
        List<String[]> out = new ArrayList<>(lines.size());
        String current = null;
        for (String line : lines) {
            if (!line.isEmpty() && line.charAt(0) == Formats.RS) {
                addRecord(out, current, fields);
                current = line.substring(1);
            } else if (current != null) {
                current = current + "\n" + line;
            } // lines before the first record are noise
        }
        addRecord(out, current, fields);
        return out;
    }

    private static void addRecord(List<String[]> out, String record, int fields) {
        if (record != null) {
            String[] f = record.split(US, fields);
            if (f.length == fields) {
                out.add(f);
            }
        }
    }

    private static final String US = String.valueOf(Formats.US);

    /** Assembles a snapshot from the five replies of one refresh (lines in {@link Formats.Part} order). */
    public static Snapshot snapshot(List<List<String>> replies, long ownClientPid) {
        List<List<String[]>> parsed = new ArrayList<>();
        for (Formats.Part p : Formats.Part.values()) {
            parsed.add(records(replies.get(p.ordinal()), p.fields()));
        }
        return assemble(parsed, ownClientPid, Map.of());
    }

    /**
     * Assembles a snapshot from parsed records (one list per {@link Formats.Part}, in order), giving
     * panes their command and cwd from {@code processes} in the same pass.
     *
     * @param ownClientPid the daemon's control client, left out of clients and attach counts
     */
    public static Snapshot assemble(
            List<List<String[]>> parts, long ownClientPid, Map<String, Snapshot.PaneProcess> processes) {
        List<Client> clients = new ArrayList<>();
        Map<String, Integer> attached = new LinkedHashMap<>();
        String controlClient = "";
        String controlSession = "";
        for (String[] f : parts.get(Formats.Part.CLIENTS.ordinal())) {
            long pid = num(f[2]);
            if (pid == ownClientPid) {
                controlClient = f[0];
                controlSession = f[6];
                continue;
            }
            // client_termfeatures: "256,bpaste,ccolour,clipboard,…,RGB,…" — RGB means true colour reaches it.
            boolean rgb =
                    f.length > 7 && java.util.Arrays.asList(f[7].split(",")).contains("RGB");
            clients.add(new Client(f[0], f[1], pid, f[6], num(f[3]), (int) num(f[4]), (int) num(f[5]), rgb));
            attached.merge(f[6], 1, Integer::sum);
        }

        // Panes by window id, in tmux's order (pane index). A window linked into several sessions
        // is listed once per session; its panes are the same, so repeats are skipped.
        Map<String, List<Pane>> panes = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        Snapshot.PaneProcess unknown = new Snapshot.PaneProcess("", "");
        for (String[] f : parts.get(Formats.Part.PANES.ordinal())) {
            if (!seen.add(f[1])) {
                continue;
            }
            // command and cwd come from the process scan (see processes)
            Snapshot.PaneProcess pp = processes.getOrDefault(f[1], unknown);
            Pane p = new Pane(
                    f[1],
                    f[6],
                    num(f[5]),
                    pp.command(),
                    pp.cwd(),
                    f[2].equals("1"),
                    f[8],
                    (int) num(f[3]),
                    (int) num(f[4]),
                    truthy(f[7]));
            panes.computeIfAbsent(f[0], k -> new ArrayList<>()).add(p);
        }
        Map<String, List<Window>> windows = new LinkedHashMap<>();
        for (String[] f : parts.get(Formats.Part.WINDOWS.ordinal())) {
            Window w = new Window(
                    f[1],
                    (int) num(f[2]),
                    f[8],
                    f[3].equals("1"),
                    (int) num(f[4]),
                    (int) num(f[5]),
                    f[6].equals("1"),
                    panes.getOrDefault(f[1], List.of()),
                    truthy(f[7]));
            windows.computeIfAbsent(f[0], k -> new ArrayList<>()).add(w);
        }
        List<String[]> server = parts.get(Formats.Part.SERVER.ordinal());
        ServerInfo info = server.isEmpty()
                ? new ServerInfo(0, 0, "", controlClient, controlSession)
                : new ServerInfo(
                        num(server.get(0)[0]), num(server.get(0)[1]), server.get(0)[2], controlClient, controlSession);
        List<Session> sessions = new ArrayList<>();
        for (String[] f : parts.get(Formats.Part.SESSIONS.ordinal())) {
            sessions.add(new Session(
                    f[0],
                    f[3],
                    num(f[1]),
                    attached.getOrDefault(f[0], 0),
                    num(f[2]),
                    windows.getOrDefault(f[0], List.of())));
        }
        return new Snapshot(info, sessions, clients);
    }

    /**
     * Parses the process scan: pane id → (current command, working directory).
     * Example record: {@code "\u001e%3\u001fvim\u001f/home/me/src"}.
     */
    /** A format's value as tmux treats a condition: empty and "0" are false. */
    static boolean truthy(String v) {
        return !v.isEmpty() && !v.equals("0");
    }

    public static Map<String, Snapshot.PaneProcess> processes(List<String> lines) {
        Map<String, Snapshot.PaneProcess> out = new LinkedHashMap<>();
        for (String[] f : records(lines, Formats.PANE_PROCESSES.size())) {
            out.put(f[0], new Snapshot.PaneProcess(f[1], f[2]));
        }
        return out;
    }

    static long num(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
