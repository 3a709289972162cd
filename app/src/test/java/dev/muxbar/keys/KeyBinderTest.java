package dev.muxbar.keys;

import static dev.muxbar.testing.Snapshots.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.muxbar.model.Model;
import dev.muxbar.model.OrderBook;
import dev.muxbar.model.Snapshot;
import dev.muxbar.tmux.Bindings;
import dev.muxbar.tmux.FakeTmux;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyBinderTest {

    private final FakeTmux tmux = new FakeTmux();
    private final java.util.Map<String, String> keysInTmux = new java.util.HashMap<>();
    private final KeyBinder binder = new KeyBinder(
            tmux, Runnable::run, "root:M-1:1 root:M-2:2 root:M-3:3 prefix:o:0", "/m/switch-index", m -> {});

    /** tmux's key table as list-keys prints it, kept by the binds the binder sends. */
    KeyBinderTest() {
        for (int i = 1; i <= 3; i++) {
            keysInTmux.put(
                    "root M-" + i,
                    "bind-key -T root M-" + i + " run-shell -b \"'/m/switch-index' " + i + " '#{client_tty}'\"");
        }
        tmux.answer = c -> {
            String[] w = c.split(" ", 5);
            if (w[0].equals("list-keys")) {
                String line = keysInTmux.get(w[2] + " " + w[3]);
                return line == null ? List.of() : List.of(line);
            }
            if (w[0].equals("bind-key")) {
                // tmux prints a single-quoted target in double quotes
                keysInTmux.put(
                        w[2] + " " + w[3],
                        "bind-key -T " + w[2] + " " + w[3] + " "
                                + (w[4].startsWith("switch-client") ? w[4].replace('\'', '"') : w[4]));
            }
            if (c.startsWith("display-message -p")) {
                return List.of("root:M-1:1 root:M-2:2 root:M-3:3 prefix:o:0\t");
            }
            return List.of();
        };
    }

    /** The native binding of row {@code row} to session {@code id}, with its script fallback. */
    private static String nat(int row, String id) {
        return "bind-key -T root M-" + row + " if-shell -F '" + Bindings.exists(id) + "' { switch-client -t '" + id
                + "' } { " + script(row) + " }";
    }

    /**
     * The script fallback as sent: the run-shell argument quoted for tmux; its path quoted for sh (tmux
     * stores {@code '/m/switch-index' 3 '#{client_tty}'}, as list-keys shows).
     */
    private static String script(Object row) {
        return "run-shell -b \\''/m/switch-index'\\'' " + row + " '\\''#{client_tty}'\\'";
    }

    private List<String> binds() {
        return tmux.commands.stream().filter(c -> c.startsWith("bind-key")).toList();
    }

    private static Model model(String... idsAndNames) {
        Snapshot s = of(1, 1, idsAndNames);
        return Model.of(s, OrderBook.EMPTY.reconcile(s));
    }

    @Test
    void bindsRowsNativelyOnlyWhenChangedAndRestoresTheScriptPath() {
        binder.accept(model("$0", "a", "$1", "b"));
        assertEquals(List.of(nat(1, "$0"), nat(2, "$1"), "bind-key -T root M-3 " + script(3)), binds());
        tmux.commands.clear();
        binder.accept(model("$0", "a", "$1", "b"));
        assertEquals(List.of(), tmux.commands, "nothing changed, nothing sent");
        binder.accept(model("$0", "a", "$1", "renamed", "$2", "c"));
        assertEquals(List.of(nat(3, "$2")), binds());
        tmux.commands.clear();
        binder.restore();
        assertEquals(3, binds().stream().filter(c -> c.contains("switch-index")).count());
        tmux.commands.clear();
        binder.accept(model("$0", "a"));
        assertEquals(List.of(), tmux.commands, "a model delivered after restore binds nothing");
    }

    /** A config that binds its own M-2 after TPM's line: bound after the daemon started. */
    @Test
    void aKeyTheUserBoundSinceIsNeverBoundAgainAndIsRecordedAsSkipped() {
        binder.accept(model("$0", "a", "$1", "b"));
        keysInTmux.put("root M-2", "bind-key -T root M-2 select-window -t 2");
        tmux.commands.clear();
        binder.accept(model("$5", "x", "$6", "y")); // rows 1 and 2 change
        assertEquals(List.of(nat(1, "$5")), binds(), "M-2 is the user's now");
        assertTrue(
                tmux.commands.contains("set-option -g @muxbar-bound-keys 'root:M-1:1 root:M-3:3 prefix:o:0'"),
                tmux.commands.toString());
        assertTrue(tmux.commands.contains("set-option -g @muxbar-skipped-keys 'M-2'"), tmux.commands.toString());
        tmux.commands.clear();
        binder.accept(model("$0", "a", "$1", "b"));
        binder.restore();
        assertTrue(
                binds().stream().noneMatch(c -> c.contains(" M-2 ")), "never again, not even on restore: " + binds());
        assertEquals("bind-key -T root M-2 select-window -t 2", keysInTmux.get("root M-2"));
    }

    @Test
    void whatCountsAsMuxbarsBinding() {
        assertTrue(Bindings.isMuxbars(
                "bind-key    -T root M-3 run-shell -b \"'/x/scripts/switch-index' 3 '#{client_tty}'\""));
        assertTrue(Bindings.isMuxbars("bind-key    -T root M-1 switch-client -t \"$12\""));
        assertTrue(Bindings.isMuxbars("bind-key -T root M-0 display-message \"muxbar: no agent needs you\""));
        assertTrue(Bindings.isMuxbars(
                "bind-key -T root M-0 if-shell -F \"#{==:#{session_id},$2}\" { switch-client -t \"$1\" } "
                        + "{ switch-client -t \"$2\" }"));
        assertFalse(Bindings.isMuxbars(""), "unbound: someone unbound it");
        assertFalse(Bindings.isMuxbars("bind-key -T root M-3 select-window -t 3"));
        assertFalse(Bindings.isMuxbars("bind-key -T root M-3 switch-client -t work"));
    }

    @Test
    void onlyRootKeysWithARowAreSwitchKeys() {
        assertEquals(
                List.of(new KeyBinder.SwitchKey("root", "M-1", 1), new KeyBinder.SwitchKey("muxbar", "2", 2)),
                KeyBinder.parse(" root:M-1:1 prefix:o:0 root:M-t:0 junk root:M-2:x muxbar:2:2 other:3:3 "));
    }

    @Test
    void theNextKeyGoesToTheMostUrgentSessionAndOnFromThere() {
        Snapshot s = of(1, 1, "$0", "a", "$1", "b", "$2", "c");
        java.util.function.Function<List<dev.muxbar.model.Agent>, Model> with =
                agents -> Model.of(s, OrderBook.EMPTY.reconcile(s), agents, java.util.Set.of());
        dev.muxbar.model.Agent waiting = new dev.muxbar.model.Agent(
                "%2",
                "@2",
                "$2",
                "claude",
                null,
                dev.muxbar.model.Status.WAITING,
                dev.muxbar.model.Source.HOOK,
                0,
                null,
                null,
                false);
        dev.muxbar.model.Agent unseen = new dev.muxbar.model.Agent(
                "%1",
                "@1",
                "$1",
                "codex",
                null,
                dev.muxbar.model.Status.DONE,
                dev.muxbar.model.Source.HOOK,
                0,
                null,
                null,
                true);
        assertEquals(List.of(new KeyBinder.SwitchKey("root", "M-0", KeyBinder.NEXT)), KeyBinder.parse("root:M-0:next"));
        assertEquals(
                "display-message 'muxbar: no agent needs you'",
                KeyBinder.nextCommand(with.apply(List.of()), "/p/switch-index"));
        assertEquals("switch-client -t '$2'", KeyBinder.nextCommand(with.apply(List.of(waiting)), "/p/switch-index"));
        assertEquals(
                "if-shell -F '#{==:#{session_id},$2}' { switch-client -t '$1' } { switch-client -t '$2' }",
                KeyBinder.nextCommand(with.apply(List.of(unseen, waiting)), "/p/switch-index"),
                "waiting beats an unseen done");
    }

    /**
     * While an agent on a connected machine needs the user, the next key asks the daemon (one curl
     * through muxbar-api: it may open that machine's session); a machine that is down changes nothing.
     */
    @Test
    void theNextKeyAsksTheDaemonWhileAnAgentElsewhereNeedsTheUser() {
        Snapshot s = of(1, 1, "$0", "a");
        dev.muxbar.model.Agent far = new dev.muxbar.model.Agent(
                "%4",
                "@1",
                "$3",
                "claude",
                null,
                dev.muxbar.model.Status.WAITING,
                dev.muxbar.model.Source.SCREEN,
                0,
                null,
                null,
                false,
                null,
                "devbox");
        java.util.function.Function<String, Model> with = state -> Model.of(
                s,
                OrderBook.EMPTY.reconcile(s),
                List.of(),
                java.util.Set.of(),
                dev.muxbar.model.Choices.DEFAULT,
                java.util.Map.of(),
                List.of(new dev.muxbar.model.HostView(
                        "devbox",
                        state,
                        0,
                        "",
                        List.of("/tmp/t"),
                        List.of(new dev.muxbar.model.RemoteSession("/tmp/t", "train", 1, false, List.of(far))))));
        String api = KeyBinder.nextCommand(with.apply("up"), "/opt/mux bar/scripts/switch-index");
        assertEquals(
                "run-shell -b \\''/opt/mux bar/scripts/muxbar-api'\\'' POST '\\''/next?client=#{client_tty}'\\'", api);
        // As list-keys shows it once bound: still muxbar's.
        assertTrue(Bindings.isMuxbars("bind-key -T root M-0 run-shell -b \"'/opt/mux bar/scripts/muxbar-api' POST"
                + " '/next?client=#{client_tty}'\""));
        assertEquals(
                "display-message 'muxbar: no agent needs you'",
                KeyBinder.nextCommand(with.apply("down"), "/p/switch-index"),
                "a machine that is down: its last state is not somewhere to go");
    }

    /**
     * The key to the session the control client sits in moves it out first, as its own command group
     * (a failed move must not stop the switch), and a single-target next key is braced so that its
     * ';' stays inside the binding.
     */
    @Test
    void theKeyToTheControlClientsSessionMovesItOutFirst() {
        Snapshot base = of(1, 1, "$0", "a", "$1", "b", "$2", "c");
        Snapshot s =
                new Snapshot(new Snapshot.ServerInfo(1, 1, "3.3a", "client-9", "$1"), base.sessions(), base.clients());
        Model m = Model.of(s, OrderBook.EMPTY.reconcile(s));
        java.util.Optional<dev.muxbar.model.Seat> seat = dev.muxbar.model.Seat.of(s);
        assertEquals(
                "if-shell -F '" + Bindings.exists("$1") + "' { if-shell -F 1 { switch-client -c 'client-9' -t '$0' }"
                        + " ; switch-client -t '$1' } { " + script(2) + " }",
                KeyBinder.command(new KeyBinder.SwitchKey("root", "M-2", 2), m, "/m/switch-index"));
        assertEquals(
                "if-shell -F '" + Bindings.exists("$2") + "' { switch-client -t '$2' } { " + script(3) + " }",
                KeyBinder.command(new KeyBinder.SwitchKey("root", "M-3", 3), m, "/m/switch-index"),
                "other keys as ever");
        assertEquals(
                "{ if-shell -F 1 { switch-client -c 'client-9' -t '$0' } ; switch-client -t '$1' }",
                Bindings.next(List.of("$1"), seat));
        assertTrue(
                Bindings.isMuxbars("bind-key -T root M-0 if-shell -F 1 { switch-client -c client-9 -t \"$0\" } \\; "
                        + "switch-client -t \"$1\""),
                "as list-keys prints the braced next key");
    }
}
