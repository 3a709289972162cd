package dev.muxbar.keys;

import static dev.muxbar.testing.Snapshots.of;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.muxbar.state.Model;
import dev.muxbar.state.OrderBook;
import dev.muxbar.state.Snapshot;
import dev.muxbar.tmux.FakeTmux;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyBinderTest {

    private final FakeTmux tmux = new FakeTmux();
    private final KeyBinder binder = new KeyBinder(tmux, "root:M-1:1 root:M-2:2 root:M-3:3 prefix:o:0", "/m/switch-index",
            m -> { });

    private static Model model(String... idsAndNames) {
        Snapshot s = of(1, 1, idsAndNames);
        return Model.of(s, OrderBook.EMPTY.reconcile(s));
    }

    @Test
    void bindsRowsNativelyOnlyWhenChangedAndRestoresTheScriptPath() {
        binder.accept(model("$0", "a", "$1", "b"));
        assertEquals(List.of("bind-key -T root M-1 switch-client -t '$0'", "bind-key -T root M-2 switch-client -t '$1'",
                "bind-key -T root M-3 run-shell -b \"'/m/switch-index' 3 '#{client_tty}'\""), tmux.commands);
        tmux.commands.clear();
        binder.accept(model("$0", "a", "$1", "b"));
        assertEquals(List.of(), tmux.commands, "nothing changed, nothing sent");
        binder.accept(model("$0", "a", "$1", "renamed", "$2", "c"));
        assertEquals(List.of("bind-key -T root M-3 switch-client -t '$2'"), tmux.commands);
        tmux.commands.clear();
        binder.restore();
        assertEquals(3, tmux.commands.stream().filter(c -> c.contains("switch-index")).count());
        tmux.commands.clear();
        binder.accept(model("$0", "a"));
        assertEquals(List.of(), tmux.commands, "a model delivered after restore binds nothing");
    }

    @Test
    void onlyRootKeysWithARowAreSwitchKeys() {
        assertEquals(List.of(new KeyBinder.SwitchKey("root", "M-1", 1), new KeyBinder.SwitchKey("muxbar", "2", 2)),
                KeyBinder.parse(" root:M-1:1 prefix:o:0 root:M-t:0 junk root:M-2:x muxbar:2:2 other:3:3 "));
    }

    @Test
    void theNextKeyGoesToTheMostUrgentSessionAndOnFromThere() {
        Snapshot s = of(1, 1, "$0", "a", "$1", "b", "$2", "c");
        java.util.function.Function<List<dev.muxbar.agents.Agent>, Model> with = agents ->
                Model.of(s, OrderBook.EMPTY.reconcile(s), agents, java.util.Set.of());
        dev.muxbar.agents.Agent waiting = new dev.muxbar.agents.Agent("%2", "@2", "$2", "claude", null,
                dev.muxbar.agents.Status.WAITING, dev.muxbar.agents.Source.HOOK, 0, null, null, false);
        dev.muxbar.agents.Agent unseen = new dev.muxbar.agents.Agent("%1", "@1", "$1", "codex", null,
                dev.muxbar.agents.Status.DONE, dev.muxbar.agents.Source.HOOK, 0, null, null, true);
        assertEquals(List.of(new KeyBinder.SwitchKey("root", "M-0", KeyBinder.NEXT)), KeyBinder.parse("root:M-0:next"));
        assertEquals("display-message 'muxbar: no agent needs you'", KeyBinder.nextCommand(with.apply(List.of())));
        assertEquals("switch-client -t '$2'", KeyBinder.nextCommand(with.apply(List.of(waiting))));
        assertEquals("if-shell -F '#{==:#{session_id},$2}' { switch-client -t '$1' } { switch-client -t '$2' }",
                KeyBinder.nextCommand(with.apply(List.of(unseen, waiting))), "waiting beats an unseen done");
    }
}
