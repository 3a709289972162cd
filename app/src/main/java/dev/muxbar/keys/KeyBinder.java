package dev.muxbar.keys;

import dev.muxbar.model.Model;
import dev.muxbar.model.Seat;
import dev.muxbar.tmux.Bindings;
import dev.muxbar.tmux.Commands;
import dev.muxbar.tmux.TmuxGateway;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Keeps the plugin's switch keys native while the daemon runs: key N switches to the Nth shown
 * session with zero forks, and the next-attention key ({@code root:KEY:next}) to the session whose
 * agent needs the user most. Only keys the plugin recorded in {@code @muxbar-bound-keys} as
 * {@code root:KEY:N} are touched, and each only while its current binding is still muxbar's: a
 * config often binds its own keys after TPM's line (so after the plugin, and after this daemon
 * started). Before a key is bound, tmux is asked what it is bound to ({@code list-keys -T T K});
 * a key that is not muxbar's is the user's from then on: never bound again, taken out of
 * {@code @muxbar-bound-keys} (so uninstall leaves it) and listed in {@code @muxbar-skipped-keys}.
 *
 * <p>The key to the session the daemon's control client sits in also moves that client out first
 * ({@link Seat}): the binding changes whenever the control client moves.
 */
public final class KeyBinder implements Consumer<Model> {

    /** One switch key: its table, tmux key name and 1-based row ({@link #NEXT}: the next-attention key). */
    public record SwitchKey(String table, String key, int row) {}

    public static final int NEXT = -1;

    private final TmuxGateway tmux;
    private final java.util.concurrent.Executor loop;
    private final String switchScript;
    private final List<SwitchKey> keys;
    private final Consumer<String> log;
    private final Map<String, String> bound = new HashMap<>(); // table:key → command bound now
    private boolean restored; // after restore() no model may bind native keys again (loop-only state)

    /**
     * @param recorded the value of {@code @muxbar-bound-keys}, e.g. {@code "root:M-1:1 root:M-2:2 prefix:o:0"}
     */
    public KeyBinder(
            TmuxGateway tmux,
            java.util.concurrent.Executor loop,
            String recorded,
            String switchScript,
            Consumer<String> log) {
        this.tmux = tmux;
        this.loop = loop;
        this.switchScript = switchScript;
        this.keys = new ArrayList<>(parse(recorded));
        this.log = log;
    }

    public static List<SwitchKey> parse(String recorded) {
        List<SwitchKey> out = new ArrayList<>();
        for (String entry : recorded.trim().split("\\s+")) {
            String[] f = entry.split(":");
            // Keys such as "M-:" are not switch keys muxbar binds; the row is the last field.
            // root: M-1…M-9 and the next key; muxbar: the "prefix o, then 1-9" table.
            boolean table = f.length == 3 && (f[0].equals("root") || f[0].equals("muxbar"));
            if (table && f[2].matches("[1-9]|next") && f[1].matches("[A-Za-z0-9-]+")) {
                out.add(new SwitchKey(f[0], f[1], f[2].equals("next") ? NEXT : Integer.parseInt(f[2])));
            }
        }
        return out;
    }

    /** The command key N should run for this model: native when a session is on row N. */
    static String command(SwitchKey k, Model m, String script) {
        if (k.row() == NEXT) {
            return m == null ? scriptCommand(k, script) : nextCommand(m, script);
        }
        if (m != null && k.row() <= m.shown().size()) {
            return Bindings.nativeSwitch(
                    m.shown().get(k.row() - 1).id(), scriptCommand(k, script), Seat.of(m.snapshot()));
        }
        return scriptCommand(k, script);
    }

    /**
     * The most urgent session needing the user; a client already there goes to the second one. While
     * an agent on another machine needs the user, the daemon decides (its {@code POST /next} opens that
     * machine's session in a local window when it is the most urgent).
     */
    static String nextCommand(Model m, String script) {
        if (m.urgentElsewhere()) {
            return Bindings.api(
                    java.nio.file.Path.of(script).resolveSibling("muxbar-api").toString(),
                    "POST",
                    "/next?client=#{client_tty}");
        }
        return Bindings.next(
                m.needingAttention().stream()
                        .map(dev.muxbar.model.Snapshot.Session::id)
                        .toList(),
                Seat.of(m.snapshot()));
    }

    private static String scriptCommand(SwitchKey k, String script) {
        return Bindings.script(script, k.row() == NEXT ? "next" : String.valueOf(k.row()));
    }

    @Override
    public void accept(Model m) {
        if (restored) {
            return; // a model still queued for delivery after the daemon began to stop
        }
        for (SwitchKey k : keys) {
            String cmd = command(k, m, switchScript);
            if (!cmd.equals(bound.get(k.table() + ":" + k.key()))) {
                bound.put(k.table() + ":" + k.key(), cmd);
                bind(k, cmd);
            }
        }
    }

    /**
     * Binds {@code k} unless its binding is no longer muxbar's. The check and the bind are two
     * commands: a later bind of the same key is sent after this one (its check's reply comes later),
     * so the last model wins.
     */
    private void bind(SwitchKey k, String cmd) {
        tmux.send(Commands.binding(k.table(), k.key())).whenComplete((line, err) -> {
            String current = err != null ? "" : line;
            if (!Bindings.isMuxbars(current)) {
                loop.execute(() -> skip(k, current));
                return;
            }
            tmux.send(Commands.bind(k.table(), k.key(), cmd)).whenComplete((r, e) -> {
                if (e != null) {
                    log.accept("cannot bind " + k.key() + ": " + e.getMessage());
                }
            });
        });
    }

    /** The user took {@code k}: leave it for good (loop thread). */
    private void skip(SwitchKey k, String current) {
        if (!keys.remove(k)) {
            return; // already skipped by an earlier check
        }
        bound.remove(k.table() + ":" + k.key());
        log.accept(k.table() + " " + k.key() + " is bound by you (" + (current.isEmpty() ? "unbound" : current.strip())
                + "): muxbar leaves it alone");
        String entry = k.table() + ":" + k.key() + ":";
        tmux.send(Commands.globalOptions(List.of("@muxbar-bound-keys", "@muxbar-skipped-keys")))
                .thenAccept(v -> {
                    List<String> boundKeys = new ArrayList<>(List.of(v.get(0).split("\\s+")));
                    boundKeys.removeIf(e -> e.isEmpty() || e.startsWith(entry));
                    String name = k.table().equals("root") ? k.key() : k.table() + ":" + k.key();
                    String skipped = v.get(1);
                    if (!(" " + skipped + " ").contains(" " + name + " ")) {
                        skipped = (skipped + " " + name).trim();
                    }
                    tmux.send(Commands.setGlobalOption("@muxbar-bound-keys", String.join(" ", boundKeys)));
                    tmux.send(Commands.setGlobalOption("@muxbar-skipped-keys", skipped));
                });
    }

    /**
     * Forgets what it bound and binds again from {@code recorded} (the plugin was re-sourced and put
     * the script bindings back, or the keys changed).
     */
    public void reload(String recorded, Model m) {
        keys.clear();
        keys.addAll(parse(recorded));
        bound.clear();
        accept(m);
    }

    /**
     * Puts the shell fast path back on every key that is still muxbar's (daemon exit; on the loop);
     * waits up to a second. A key the user bound since (and this binder has not noticed) stays theirs.
     */
    public void restore() {
        restored = true;
        List<java.util.concurrent.CompletableFuture<Void>> pending = new ArrayList<>();
        for (SwitchKey k : keys) {
            pending.add(tmux.send(Commands.binding(k.table(), k.key()))
                    .thenCompose(line -> !Bindings.isMuxbars(line)
                            ? java.util.concurrent.CompletableFuture.completedFuture(null)
                            : tmux.send(Commands.bind(k.table(), k.key(), scriptCommand(k, switchScript)))));
        }
        for (var f : pending) {
            try {
                f.get(1, TimeUnit.SECONDS);
            } catch (Exception e) {
                return; // tmux is gone: nothing to restore
            }
        }
        bound.clear();
    }
}
