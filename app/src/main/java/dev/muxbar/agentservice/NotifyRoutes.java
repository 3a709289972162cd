package dev.muxbar.agentservice;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which moments notify the user, and where ({@code @muxbar-notify-on}): a comma list of kinds, each
 * optionally {@code :channel+channel} — {@code waiting,error} (the default: needs input and errors
 * only, quiet at scale), {@code waiting,done:web+message,error:bell}, {@code all}, {@code none}. A kind
 * without channels goes everywhere. Muted sessions stay quiet whatever this says. Pure.
 */
public record NotifyRoutes(Map<Kind, Set<Channel>> routes) {

    /** What happened to an agent. */
    public enum Kind {
        /** It needs the user: a permission, a question, a plan to approve. */
        WAITING("waiting"),
        /** It finished out of sight. */
        DONE("done"),
        /** It stopped on an error. */
        ERROR("error"),
        /** Its context, or a plan quota window, is nearly used up. */
        USAGE("usage");

        public final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** Where a notification goes. */
    public enum Channel {
        /** A BEL in the agent's pane (tmux's monitor-bell, the terminal's own alert). */
        BELL("bell"),
        /** The sidebar footer (or a brief tmux message without sidebars). */
        MESSAGE("message"),
        /** The clients' terminals (OSC 9/777/99, {@code @muxbar-notify-terminal}). */
        TERMINAL("terminal"),
        /** The user's command ({@code @muxbar-notify-command}). */
        COMMAND("command"),
        /** An open web page (the Notification API). */
        WEB("web");

        public final String label;

        Channel(String label) {
            this.label = label;
        }
    }

    public static final String DEFAULT = "waiting,error";

    public NotifyRoutes {
        EnumMap<Kind, Set<Channel>> copy = new EnumMap<>(Kind.class);
        routes.forEach((k, v) -> copy.put(k, v.isEmpty() ? Set.of() : EnumSet.copyOf(v)));
        routes = java.util.Collections.unmodifiableMap(copy);
    }

    /** {@code option} read; blank: {@link #DEFAULT}. Throws with what is wrong (the caller keeps the default). */
    public static NotifyRoutes parse(String option) {
        String v = option == null || option.isBlank() ? DEFAULT : option.strip();
        Map<Kind, Set<Channel>> out = new EnumMap<>(Kind.class);
        if (v.equals("none")) {
            return new NotifyRoutes(out);
        }
        for (String part : v.split(",")) {
            String p = part.strip();
            int colon = p.indexOf(':');
            String kind = colon < 0 ? p : p.substring(0, colon).strip();
            Set<Channel> channels = EnumSet.noneOf(Channel.class);
            if (colon < 0) {
                channels = EnumSet.allOf(Channel.class);
            } else {
                for (String c : p.substring(colon + 1).split("\\+")) {
                    channels.add(channel(c.strip()));
                }
            }
            if (kind.equals("all")) {
                for (Kind k : Kind.values()) {
                    out.computeIfAbsent(k, x -> EnumSet.noneOf(Channel.class)).addAll(channels);
                }
            } else {
                out.computeIfAbsent(kind(kind), x -> EnumSet.noneOf(Channel.class))
                        .addAll(channels);
            }
        }
        return new NotifyRoutes(out);
    }

    private static Kind kind(String s) {
        for (Kind k : Kind.values()) {
            if (k.label.equals(s)) {
                return k;
            }
        }
        throw new IllegalArgumentException(
                "@muxbar-notify-on: no kind \"" + clip(s) + "\" (waiting, done, error, usage, all, none)");
    }

    private static Channel channel(String s) {
        for (Channel c : Channel.values()) {
            if (c.label.equals(s)) {
                return c;
            }
        }
        throw new IllegalArgumentException(
                "@muxbar-notify-on: no channel \"" + clip(s) + "\" (bell, message, terminal, command, web)");
    }

    private static String clip(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "…" : s;
    }

    /** Whether {@code kind} goes to {@code channel}. */
    public boolean to(Kind kind, Channel channel) {
        Set<Channel> c = routes.get(kind);
        return c != null && c.contains(channel);
    }

    /** Whether {@code kind} notifies anywhere. */
    public boolean any(Kind kind) {
        Set<Channel> c = routes.get(kind);
        return c != null && !c.isEmpty();
    }

    /** The kinds that reach an open web page, as their labels (the page asks for them). */
    public java.util.List<String> webKinds() {
        return routes.keySet().stream()
                .filter(k -> to(k, Channel.WEB))
                .map(k -> k.label)
                .toList();
    }
}
