package dev.muxbar.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.muxbar.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The days kept: each turn counts once into its own day, across a daemon's restart (the same
 * transcript read again adds nothing); a later line of one message adds only its difference; Codex's
 * running totals count by difference; once Claude reports its own cost, the reports count; bounded;
 * a file that does not read is kept aside.
 */
class UsageLedgerTest {

    @TempDir
    Path tmp;

    private final List<String> log = new ArrayList<>();
    private static final LocalDate DAY = LocalDate.parse("2026-12-05");

    private UsageBook book(UsageLedger l) {
        return UsageBook.load(null, log::add).countingInto(l);
    }

    private static void replay(UsageBook b, String file, boolean codex, String thread) throws Exception {
        for (String line : Files.readAllLines(
                Path.of(UsageLedgerTest.class.getResource("/usage/" + file).toURI()))) {
            try {
                b.apply(thread, UsageLine.of(Json.parse(line), codex, 0));
            } catch (java.io.IOException notJson) {
                // as the tailer does
            }
        }
    }

    private static double cost(UsageLedger l, LocalDate from) {
        return l.since(from).stream()
                .mapToDouble(r -> r.costUsd() == null ? 0 : r.costUsd())
                .sum();
    }

    private static long in(UsageLedger l) {
        return l.since(LocalDate.MIN).stream().mapToLong(UsageLedger.Row::in).sum();
    }

    @Test
    void aTranscriptReadAgainAfterARestartCountsNothingTwice() throws Exception {
        Path file = tmp.resolve("state/usage.json");
        UsageLedger first = new UsageLedger(ZoneOffset.UTC);
        first.label(Map.of("sess-u1", new UsageLedger.Label("work", "claude")));
        replay(book(first), "claude-session.jsonl", false, "sess-u1");
        assertEquals(0.152799, cost(first, DAY), 1e-6, first.since(DAY).toString());
        assertEquals(16_203 + 16_510 + 20_005, in(first));
        assertEquals(
                List.of("claude-opus-4-1-20250805", "claude-sonnet-4-5-20250929"),
                first.since(DAY).stream().map(UsageLedger.Row::model).toList());
        assertEquals("work", first.since(DAY).get(0).session());
        new UsageLedgerStore(file, log::add).saveIfChanged(first);

        UsageLedger again = new UsageLedgerStore(file, log::add).load(new UsageLedger(ZoneOffset.UTC));
        replay(book(again), "claude-session.jsonl", false, "sess-u1"); // the daemon's restart reads it again
        assertEquals(0.152799, cost(again, DAY), 1e-6);
        assertEquals(16_203 + 16_510 + 20_005, in(again));
        assertTrue(cost(again, DAY.plusDays(1)) == 0, "nothing on another day");
        assertTrue(log.isEmpty(), log.toString());
    }

    @Test
    void aLaterLineOfTheSameMessageAddsOnlyItsDifference() {
        UsageLedger l = new UsageLedger(ZoneOffset.UTC);
        UsageBook b = book(l);
        long at = DAY.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() + 1000;
        b.apply("t", new UsageLine.Turn("claude-sonnet-4-5", 100, 0, 900, 10, "msg_1", at));
        b.apply("t", new UsageLine.Turn("claude-sonnet-4-5", 100, 0, 900, 250, "msg_1", at + 5));
        b.apply("t", new UsageLine.Turn("claude-sonnet-4-5", 50, 0, 1300, 20, "msg_2", at + 9));
        assertEquals(1000 + 1350, in(l), "msg_1's input once");
        assertEquals(250 + 20, l.since(DAY).get(0).out());
        assertEquals(1000 + 1350, b.snapshot().get("t").sessionIn(), "the book too");
        assertEquals(270, b.snapshot().get("t").sessionOut());
    }

    @Test
    void codexTotalsCountByDifferenceAndOnceAcrossARestart() throws Exception {
        Path file = tmp.resolve("usage.json");
        UsageLedger l = new UsageLedger(ZoneOffset.UTC);
        replay(book(l), "codex-rollout.jsonl", false, "x"); // read as Claude's: says nothing
        assertEquals(0, in(l));
        replay(book(l), "codex-rollout.jsonl", true, "codex-1");
        long counted = in(l);
        assertTrue(counted > 0, l.since(LocalDate.MIN).toString());
        new UsageLedgerStore(file, log::add).saveIfChanged(l);
        UsageLedger back = new UsageLedgerStore(file, log::add).load(new UsageLedger(ZoneOffset.UTC));
        replay(book(back), "codex-rollout.jsonl", true, "codex-1");
        assertEquals(counted, in(back));
    }

    @Test
    void onceClaudeReportsItsCostTheReportsCount() {
        UsageLedger l = new UsageLedger(ZoneOffset.UTC);
        long at = DAY.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() + 1000;
        l.turn("t", at, "m1", "claude-x", 1000, 10, 0.50);
        l.reported("t", at + 1, "claude-x", 0.50); // the first report: what the turns counted carries it
        assertEquals(0.50, cost(l, DAY), 1e-9);
        l.turn("t", at + 2, "m2", "claude-x", 1000, 10, 0.30); // by the table: not counted, the report will
        l.reported("t", at + 3, "claude-x", 0.75);
        assertEquals(0.75, cost(l, DAY), 1e-9);
        assertEquals(2000, in(l), "tokens still from the turns");
    }

    @Test
    void aModelWithoutAPriceHasTokensOnly() {
        UsageLedger l = new UsageLedger(ZoneOffset.UTC);
        long at = DAY.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        l.turn("t", at, "m1", "unknown-model", 1000, 10, null);
        assertNull(l.since(DAY).get(0).costUsd());
        assertEquals(1000, l.since(DAY).get(0).in());
    }

    @Test
    void boundedInDaysAndRowsADay() {
        UsageLedger l = new UsageLedger(ZoneOffset.UTC);
        long day0 = DAY.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        for (int d = 0; d < UsageLedger.DAYS + 20; d++) {
            l.turn("t" + d, day0 + d * 86_400_000L, "m", "x", 1, 1, 0.0);
        }
        List<UsageLedger.Row> all = l.since(LocalDate.MIN);
        assertEquals(UsageLedger.DAYS, all.size());
        assertEquals(DAY.plusDays(20), all.get(0).day(), "the oldest days went");
        for (int i = 0; i < UsageLedger.ROWS + 50; i++) {
            l.turn("busy" + i, day0 + 100 * 86_400_000L + 1, "m", "x", 2, 0, 0.01);
        }
        List<UsageLedger.Row> day = l.since(DAY).stream()
                .filter(r -> r.day().equals(DAY.plusDays(100)))
                .toList();
        assertTrue(day.size() <= UsageLedger.ROWS, "rows: " + day.size());
        UsageLedger.Row other = day.stream()
                .filter(r -> r.thread().equals(UsageLedger.OTHER))
                .findFirst()
                .orElseThrow();
        assertTrue(other.in() >= 100, other.toString());
        assertEquals(
                2L * (UsageLedger.ROWS + 50),
                day.stream()
                        .filter(r -> r.thread().startsWith("busy") || r.thread().equals(UsageLedger.OTHER))
                        .mapToLong(UsageLedger.Row::in)
                        .sum(),
                "nothing lost");
    }

    @Test
    void aFileThatDoesNotReadIsKeptAsideAndTheLedgerStartsEmpty() throws Exception {
        Path file = tmp.resolve("usage.json");
        Files.writeString(file, "{\"version\":1,\"rows\":[{\"day\":");
        UsageLedger l = new UsageLedgerStore(file, log::add).load(new UsageLedger(ZoneOffset.UTC));
        assertTrue(l.since(LocalDate.MIN).isEmpty());
        assertTrue(!Files.exists(file), "kept aside under another name");
        try (var s = Files.list(tmp)) {
            assertEquals(1, s.count(), "the aside copy");
        }
        assertEquals(1, log.size(), log.toString());
        Files.writeString(
                file,
                "{\"version\":1,\"rows\":[{\"day\":\"never\",\"thread\":\"t\",\"in\":1,\"out\":1},"
                        + "{\"day\":\"2026-12-05\",\"thread\":\"t\",\"model\":\"m\",\"in\":-5,\"out\":1},"
                        + "{\"day\":\"2026-12-05\",\"thread\":\"t\",\"model\":\"m\",\"in\":5,\"out\":1,\"costUsd\":0.5}]}");
        UsageLedger partly = new UsageLedgerStore(file, log::add).load(new UsageLedger(ZoneOffset.UTC));
        assertEquals(1, partly.since(LocalDate.MIN).size(), "the rows that read");
        assertEquals(3, log.size(), log.toString());
    }
}
