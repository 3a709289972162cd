package dev.muxbar.sidebar.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.muxbar.model.Agent;
import dev.muxbar.model.Model;
import dev.muxbar.model.OrderBook;
import dev.muxbar.model.Snapshot;
import dev.muxbar.model.Source;
import dev.muxbar.model.Status;
import dev.muxbar.sidebar.render.GitMark;
import dev.muxbar.sidebar.render.Line;
import dev.muxbar.testing.Snapshots;
import dev.muxbar.text.Cells;
import dev.muxbar.theme.Role;
import dev.muxbar.theme.Theme;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Golden text frames; every frame must be exactly width × height cells. */
class RendererTest {

    private static final Theme THEME = Theme.builtIn("default");

    private static Model model(String... idsAndNames) {
        Snapshot s = Snapshots.of(1, 1, idsAndNames);
        return Model.of(s, OrderBook.EMPTY.reconcile(s));
    }

    private static List<String> frame(Model m, View v, String own, int w, int h) {
        List<Line> lines = Renderer.render(new Renderer.Input(m, THEME, v, own, w, h));
        assertEquals(h, lines.size(), "height");
        for (Line l : lines) {
            assertEquals(w, Cells.width(l.text()), "width of [" + l.text() + "]");
        }
        return lines.stream().map(Line::text).toList();
    }

    @Test
    void goldenThirtyByTwelve() {
        Model m = model("$0", "work", "$1", "notes & ideas", "$2", "api|server \\$prod", "$3", "名前 🚀 é");
        assertEquals(
                List.of(
                        " muxbar            4 sessions ",
                        "──────────────────────────────",
                        "▎1 work                    1w ",
                        " 2 notes & ideas           1w ",
                        " 3 api|server \\$prod       1w ",
                        " 4 名前 🚀 é               1w ",
                        "                              ",
                        "                              ",
                        "                              ",
                        "── notes & ideas ─────────────",
                        "  0 w *                       ",
                        " ? help  ↵ switch  1-9        "),
                frame(m, View.INITIAL.withCursor("$1"), "$0", 30, 12));
    }

    @Test
    void cursorDefaultsToTheWindowsOwnSession() {
        Model m = model("$0", "a", "$1", "b");
        List<Line> lines = Renderer.render(new Renderer.Input(m, THEME, View.INITIAL, "$1", 20, 6));
        assertEquals(THEME.color(Role.CURSOR), lines.get(3).spans().get(0).bg(), "row of $1 has the cursor");
        assertEquals(THEME.color(Role.BACKGROUND), lines.get(2).spans().get(0).bg());
    }

    @Test
    void longAndWideNamesAreCutToTheColumn() {
        Model m = model("$0", "a-very-long-session-name-indeed", "$1", "日本語日本語日本語日本語");
        List<String> f = frame(m, View.INITIAL, "$0", 16, 6);
        assertEquals("▎1 a-very-long… ", f.get(2));
        assertEquals(" 2 日本語日本…  ", f.get(3), "wide characters count two cells");
    }

    @Test
    void smallestSizesNeverProduceGarbage() {
        Model m = model("$0", "alpha", "$1", "beta", "$2", "gamma");
        for (int w = 1; w <= 40; w++) {
            for (int h = 1; h <= 14; h++) {
                frame(m, View.INITIAL, "$0", w, h);
            }
        }
        assertEquals(
                List.of(
                        " muxbar       3 ",
                        "────────────────",
                        "▎1 alpha        ",
                        " 2 beta         ",
                        " 3 gamma        ",
                        "                "),
                frame(m, View.INITIAL, "$0", 16, 6));
    }

    @Test
    void aLongNameInTheKillQuestionShrinksSoTheQuestionShows() {
        Model m = model("$0", "a-very-long-session-name-indeed");
        View v = View.INITIAL.withMode(new ConfirmKill("$0", "a-very-long-session-name-indeed"));
        List<String> f = frame(m, v, "$0", 24, 8);
        assertEquals(" kill a-very-lon…? ↵ yes", f.get(7));
    }

    @Test
    void rowsShowTheGitBranchAndADirtyMark() {
        Model m = model("$0", "work", "$1", "notes");
        Map<String, GitMark> git =
                Map.of("$0", new GitMark("main", true), "$1", new GitMark("a-really-long-feature-branch", false));
        List<Line> lines =
                Renderer.render(new Renderer.Input(m, THEME, View.INITIAL, "$0", 30, 6, git, 0, null, List.of()));
        assertEquals("▎1 work              main* 1w ", lines.get(2).text());
        assertEquals(" 2 notes      a-really-lo… 1w ", lines.get(3).text());
        assertEquals(THEME.color(Role.WAITING), lines.get(2).spans().get(4).fg(), "dirty in the attention colour");
        assertEquals(
                "▎1 work            1w ",
                Renderer.render(new Renderer.Input(m, THEME, View.INITIAL, "$0", 22, 6, git, 0, null, List.of()))
                        .get(2)
                        .text(),
                "no room for the branch below 24 columns");
    }

    @Test
    void emptyState() {
        List<String> f = frame(model(), View.INITIAL, "", 20, 6);
        assertEquals("  no sessions       ", f.get(2));
    }

    @Test
    void manySessionsScrollToKeepTheCursorVisible() {
        String[] ids = new String[60];
        for (int i = 0; i < 30; i++) {
            ids[2 * i] = "$" + i;
            ids[2 * i + 1] = "s" + i;
        }
        Model m = model(ids);
        List<String> f = frame(m, View.INITIAL.withCursor("$25"), "$0", 20, 10);
        assertTrue(f.stream().anyMatch(l -> l.contains("s25")), f.toString());
        assertTrue(f.stream().noneMatch(l -> l.contains("s0 ")), "top rows scrolled away: " + f);
        assertEquals(25, ListLayout.scrollTop(0, 25, 1, 30));
        assertEquals(0, ListLayout.scrollTop(50, 0, 5, 30));
        assertEquals(25, ListLayout.scrollTop(99, 27, 5, 30), "scroll clamped to the last page");
    }

    /** Session $0 with a waiting claude (%0) and $1 with an unseen done codex and a running aider (%1). */
    static Model withAgents() {
        Snapshot s = Snapshots.of(1, 1, "$0", "work", "$1", "notes", "$2", "plain");
        java.util.List<Agent> agents = List.of(
                new Agent(
                        "%0",
                        "@0",
                        "$0",
                        "claude",
                        "t",
                        Status.WAITING,
                        Source.HOOK,
                        0,
                        "deploy it",
                        "permission: Bash",
                        false),
                new Agent("%1", "@1", "$1", "codex", "u", Status.DONE, Source.HOOK, 0, null, "All tests pass.", true),
                new Agent("%1", "@1", "$1", "aider", null, Status.RUNNING, Source.SCREEN, 0, null, null, false));
        return Model.of(s, OrderBook.EMPTY.reconcile(s), agents, java.util.Set.of());
    }

    @Test
    void goldenWithAgents() {
        Model m = withAgents();
        List<Line> lines = Renderer.render(new Renderer.Input(
                m, THEME, View.INITIAL.withCursor("$1"), "$0", 30, 12, Map.of(), 125_000, null, List.of()));
        assertEquals(
                List.of(
                        " muxbar      1? 1✓ 3 sessions ",
                        "──────────────────────────────",
                        "▎1 work                  ? 1w ",
                        " 2 notes              • ✓⠋ 1w ",
                        " 3 plain                   1w ",
                        "                              ",
                        "                              ",
                        "                              ",
                        "── notes ─────────────────────",
                        "  ✓ codex done• 2m All tests …",
                        "  ⠋ aider running 2m          ",
                        " ? help  ↵ switch  1-9        "),
                lines.stream().map(Line::text).toList());
        assertEquals(
                THEME.color(Role.WAITING),
                lines.get(2).spans().stream()
                        .filter(sp -> sp.text().equals("?"))
                        .findFirst()
                        .orElseThrow()
                        .fg(),
                "badge in the status colour");
        // The spinner turns with time (10 frames a second), nothing else moves.
        List<Line> later = Renderer.render(new Renderer.Input(
                m, THEME, View.INITIAL.withCursor("$1"), "$0", 30, 12, Map.of(), 125_100, null, List.of()));
        assertEquals(" 2 notes              • ✓⠙ 1w ", later.get(3).text());
        assertEquals(lines.get(2), later.get(2));
    }

    @Test
    void aNoticeTakesTheFooterInNormalModeOnly() {
        Model m = withAgents();
        List<Line> lines = Renderer.render(new Renderer.Input(
                m, THEME, View.INITIAL, "$0", 30, 12, Map.of(), 0, "claude waits for you in work", List.of()));
        assertEquals(" claude waits for you in work ", lines.get(11).text());
        lines = Renderer.render(new Renderer.Input(
                m, THEME, View.INITIAL.withMode(new HelpMode()), "$0", 30, 12, Map.of(), 0, "claude waits", List.of()));
        assertTrue(!lines.get(11).text().contains("claude"), "a mode's prompt wins");
    }

    @Test
    void filtersKeepTheOrderFileIndex() {
        Model m = withAgents();
        View agents = View.INITIAL.withFilter(View.Filter.AGENTS);
        List<String> f = frame(m, agents, "$0", 30, 6);
        assertEquals(" muxbar agents          1? 1✓ ", f.get(0), "narrow: counts before the session count");
        assertTrue(f.get(3).startsWith(" 2 notes"), f.toString());
        assertEquals(
                List.of("$0", "$1"),
                ListLayout.shown(new Renderer.Input(m, THEME, agents, "$0", 30, 6)).stream()
                        .map(Snapshot.Session::id)
                        .toList());
        View attention = View.INITIAL.withFilter(View.Filter.ATTENTION);
        assertEquals(
                2,
                ListLayout.shown(new Renderer.Input(m, THEME, attention, "$0", 30, 6))
                        .size());
        assertEquals(
                "  nothing needs you (f)       ",
                frame(model("$0", "a"), attention, "$0", 30, 6).get(2));
    }

    @Test
    void agentRowsFitNarrowSidebars() {
        Model m = withAgents();
        for (int w = 8; w <= 40; w++) {
            frame(m, View.INITIAL.withCursor("$1").withAgent(0), "$0", w, 14); // asserts the size of every row
        }
    }

    /** A frame with its colours: each span as «fg/bg» (+b for bold) before its text. */
    static String styled(List<Line> lines) {
        StringBuilder sb = new StringBuilder();
        for (Line l : lines) {
            for (Line.Span sp : l.spans()) {
                sb.append('«')
                        .append(sp.fg())
                        .append('/')
                        .append(sp.bg())
                        .append(sp.bold() ? "+b" : "")
                        .append('»')
                        .append(sp.text());
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * The same frame in two themes against golden files (regenerate with -Dgolden.update=true and
     * review the diff): the text is identical, and every colour drawn is one of the theme's own.
     */
    @Test
    void goldenInTwoThemes() throws java.io.IOException {
        List<String> texts = new java.util.ArrayList<>();
        for (String name : List.of("default", "catppuccin-latte")) {
            Theme t = Theme.builtIn(name);
            List<Line> lines = Renderer.render(new Renderer.Input(
                    withAgents(),
                    t,
                    View.INITIAL.withCursor("$1"),
                    "$0",
                    30,
                    12,
                    Map.of("$0", new GitMark("main", true)),
                    125_000,
                    null,
                    List.of()));
            String styled = styled(lines);
            java.nio.file.Path file = java.nio.file.Path.of("src/test/resources/golden/sidebar-" + name + ".txt");
            if (Boolean.getBoolean("golden.update")) {
                java.nio.file.Files.writeString(file, styled);
            }
            assertTrue(java.nio.file.Files.exists(file), "missing " + file + " (run with -Dgolden.update=true)");
            assertEquals(java.nio.file.Files.readString(file), styled, name);
            java.util.Set<Object> own = new java.util.HashSet<>(t.colors().values());
            for (Line l : lines) {
                for (Line.Span sp : l.spans()) {
                    assertTrue(
                            own.contains(sp.fg()) && own.contains(sp.bg()), name + " drew a foreign colour in " + sp);
                }
            }
            texts.add(lines.stream().map(Line::text).toList().toString());
        }
        assertEquals(texts.get(0), texts.get(1), "a theme changes colours, never text");
    }
}
