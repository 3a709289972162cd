package dev.muxbar.agents;

import dev.muxbar.config.AtomicFiles;
import dev.muxbar.config.CorruptFile;
import dev.muxbar.json.Json;
import dev.muxbar.json.JsonObject;
import dev.muxbar.json.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A {@link UsageLedger} on disk: {@code usage.json} in the server's state dir,
 *
 * <pre>
 * {"version":1,"rows":[{"day":"2026-12-05","thread":"…","model":"…","session":"…","agent":"claude",
 *   "in":1200,"out":40,"costUsd":0.01}],
 *  "marks":{"THREAD":{"at":1764921600000,"id":"msg_…","in":1200,"out":40,"cost":0.01,"reported":null}}}
 * </pre>
 *
 * written atomically (0600: session names are the user's own); a file that does not read as one is kept
 * aside with one log line and the ledger starts empty; a row or mark that does not read is left out.
 */
public final class UsageLedgerStore {

    static final int VERSION = 1;

    private final Path file;
    private final Consumer<String> log;

    public UsageLedgerStore(Path file, Consumer<String> log) {
        this.file = file;
        this.log = log;
    }

    /** {@code into}, with what the file holds. */
    public UsageLedger load(UsageLedger into) {
        if (!Files.exists(file)) {
            return into;
        }
        try {
            Node n = Json.parseStrict(file);
            if (n == null
                    || !n.isObject()
                    || n.path("version").asInt(0) != VERSION
                    || !n.path("rows").isArray()) {
                CorruptFile.keep(file, "not a usage file of version " + VERSION, Instant.now(), log);
                return into;
            }
            for (Node r : n.path("rows")) {
                try {
                    into.restore(row(r));
                } catch (IllegalArgumentException | DateTimeParseException bad) {
                    log.accept(file + ": a row left out: " + bad.getMessage());
                }
            }
            for (Map.Entry<String, Node> e : n.path("marks").properties()) {
                Node m = e.getValue();
                UsageLedger.Mark k = into.restoreMark(e.getKey());
                k.at = m.path("at").asLong(-1);
                k.id = m.path("id").asText("");
                k.in = Math.max(0, m.path("in").asLong(0));
                k.out = Math.max(0, m.path("out").asLong(0));
                k.cost = Math.max(0, m.path("cost").asDouble(0));
                k.reported = m.path("reported").isNumber() ? m.path("reported").asDouble(0) : null;
            }
            into.takeDirty();
        } catch (IOException e) {
            CorruptFile.keep(file, e, log);
        }
        return into;
    }

    private static UsageLedger.Row row(Node r) {
        String thread = r.path("thread").asText("");
        String model = r.path("model").asText("");
        long in = r.path("in").asLong(-1);
        long out = r.path("out").asLong(-1);
        if (thread.isEmpty() || in < 0 || out < 0) {
            throw new IllegalArgumentException("no thread, or no tokens");
        }
        Node cost = r.path("costUsd");
        return new UsageLedger.Row(
                LocalDate.parse(r.path("day").asText("")),
                thread,
                model,
                r.path("session").asText(""),
                r.path("agent").asText(""),
                in,
                out,
                cost.isNumber() ? Double.valueOf(cost.asDouble(0)) : null);
    }

    /** Writes {@code l} out when it changed since the last write. */
    public void saveIfChanged(UsageLedger l) throws IOException {
        if (!l.takeDirty()) {
            return;
        }
        Files.createDirectories(file.getParent());
        JsonObject root = Json.object().put("version", VERSION);
        List<Object> rows = root.putArray("rows");
        for (UsageLedger.Row r : l.all()) {
            rows.add(Json.object()
                    .put("day", r.day().toString())
                    .put("thread", r.thread())
                    .put("model", r.model())
                    .put("session", r.session())
                    .put("agent", r.agent())
                    .put("in", r.in())
                    .put("out", r.out())
                    .put("costUsd", r.costUsd()));
        }
        JsonObject marks = root.putObject("marks");
        List<Map.Entry<String, UsageLedger.Mark>> all =
                new ArrayList<>(l.marks().entrySet());
        for (Map.Entry<String, UsageLedger.Mark> e : all) {
            UsageLedger.Mark k = e.getValue();
            marks.putObject(e.getKey())
                    .put("at", k.at)
                    .put("id", k.id)
                    .put("in", k.in)
                    .put("out", k.out)
                    .put("cost", k.cost)
                    .put("reported", k.reported);
        }
        AtomicFiles.write(file, root + "\n");
    }
}
