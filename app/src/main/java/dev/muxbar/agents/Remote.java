package dev.muxbar.agents;

import java.util.List;
import java.util.Set;

/**
 * Where a pane's foreground program takes the user — an agent seen on such a pane runs over there:
 * {@code ssh}, {@code autossh}, {@code mosh} ({@code mosh-client}), {@code docker}/{@code podman}
 * ({@code exec}, {@code run}), {@code kubectl exec}, {@code et}. {@code destination} is the host (or
 * container, pod) named on its command line, without a user or port, as the sidebar shows it
 * ({@code claude @devbox}). Pure: parses the argument vector read from {@code /proc}; a command line
 * that names no destination is no remote. A destination is data from the user's command line: it is
 * kept printable and short, and never goes to a shell.
 */
public record Remote(String program, String destination) {

    /** The programs that take a pane elsewhere (as tmux's {@code pane_current_command} names them). */
    public static final Set<String> PROGRAMS =
            Set.of("ssh", "autossh", "mosh", "mosh-client", "docker", "podman", "kubectl", "et");

    /** Longest destination kept. */
    static final int MAX = 64;

    /** ssh options that take an argument (ssh(1)); autossh adds {@code -M}. */
    private static final String SSH_WITH_ARG = "BbcDEeFIiJLlmOoPpQRSWw";

    private static final Set<String> CONTAINER_FLAGS = Set.of(
            "-i", "-t", "-d", "-it", "-ti", "--rm", "--privileged", "--init", "--interactive", "--tty", "--detach");
    private static final Set<String> KUBECTL_WITH_ARG =
            Set.of("-n", "--namespace", "-c", "--container", "--context", "--kubeconfig", "-f", "--filename");

    /** Whether a pane whose foreground command is {@code command} may be somewhere else. */
    public static boolean program(String command) {
        return PROGRAMS.contains(command);
    }

    /** The remote of an argument vector ({@code argv[0]} first), or null. */
    public static Remote of(List<String> argv) {
        if (argv == null || argv.isEmpty()) {
            return null;
        }
        String program = argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1);
        List<String> args = argv.subList(1, argv.size());
        String dest = switch (program) {
            case "ssh" -> ssh(args, SSH_WITH_ARG);
            case "autossh" -> ssh(args, SSH_WITH_ARG + "M");
            case "mosh-client" -> mosh(args);
            case "mosh", "et" -> firstOperand(args, Set.of("-p", "--port", "--ssh", "-c", "--command"));
            case "docker", "podman" -> container(args);
            case "kubectl" -> kubectl(args);
            default -> null;
        };
        String clean = clean(dest);
        return clean == null ? null : new Remote(program, clean);
    }

    private static String ssh(List<String> args, String withArg) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                return i + 1 < args.size() ? args.get(i + 1) : null;
            }
            if (a.startsWith("-") && a.length() > 1) {
                // Flags may be bundled (-tt, -4v); the first one that takes an argument takes the rest
                // of the word, or the next word when the rest is empty (-p22, -p 22).
                for (int j = 1; j < a.length(); j++) {
                    if (withArg.indexOf(a.charAt(j)) >= 0) {
                        if (j == a.length() - 1) {
                            i++;
                        }
                        break;
                    }
                }
                continue;
            }
            return a;
        }
        return null;
    }

    /** mosh runs {@code mosh-client -# 'devbox | …' IP PORT}: the words before the bar are the user's. */
    private static String mosh(List<String> args) {
        int hash = args.indexOf("-#");
        if (hash >= 0 && hash + 1 < args.size()) {
            String said = args.get(hash + 1);
            int bar = said.indexOf('|');
            String words = (bar >= 0 ? said.substring(0, bar) : said).strip();
            // The user's words joined by spaces (quoting lost): a user@host word is the destination;
            // else the first operand that is not an option's value.
            List<String> parts = List.of(words.split("\\s+"));
            for (String p : parts) {
                if (p.indexOf('@') > 0 && !p.startsWith("-")) {
                    return p;
                }
            }
            return firstOperand(parts, Set.of("-p", "--port", "-c", "--ssh", "--server", "--client"));
        }
        return firstOperand(args, Set.of());
    }

    private static String container(List<String> args) {
        int sub = 0;
        while (sub < args.size() && args.get(sub).startsWith("-")) {
            sub++; // docker's own options (--context x would be misread; rare in a pane)
        }
        if (sub >= args.size()
                || !(args.get(sub).equals("exec") || args.get(sub).equals("run"))) {
            return null;
        }
        List<String> rest = args.subList(sub + 1, args.size());
        for (int i = 0; i < rest.size(); i++) {
            String a = rest.get(i);
            if (a.equals("--name") && i + 1 < rest.size() && args.get(sub).equals("run")) {
                return rest.get(i + 1); // a named container: the name says more than its image
            }
            if (a.startsWith("--name=") && args.get(sub).equals("run")) {
                return a.substring("--name=".length());
            }
        }
        for (int i = 0; i < rest.size(); i++) {
            String a = rest.get(i);
            if (!a.startsWith("-")) {
                return a;
            }
            if (!CONTAINER_FLAGS.contains(a) && !a.contains("=")) {
                i++; // an option with its value (-e X, -u root, -w /src, -v a:b, --name x)
            }
        }
        return null;
    }

    private static String kubectl(List<String> args) {
        int exec = args.indexOf("exec");
        if (exec < 0) {
            return null;
        }
        List<String> rest = args.subList(exec + 1, args.size());
        String pod = firstOperand(rest, KUBECTL_WITH_ARG);
        return pod == null ? null : pod.substring(pod.lastIndexOf('/') + 1); // pod/name → name
    }

    /** The first word that is no option (nor an option's value, for those in {@code withArg}). */
    private static String firstOperand(List<String> args, Set<String> withArg) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                return i + 1 < args.size() ? args.get(i + 1) : null;
            }
            if (a.startsWith("-")) {
                if (withArg.contains(a)) {
                    i++;
                }
                continue;
            }
            return a;
        }
        return null;
    }

    /**
     * The host of {@code [user@]host[:port]} or {@code ssh://user@host:port}, printable and at most
     * {@link #MAX} characters; null when nothing is left.
     */
    static String clean(String dest) {
        if (dest == null) {
            return null;
        }
        String d = dest.startsWith("ssh://") ? dest.substring(6) : dest;
        d = d.substring(d.lastIndexOf('@') + 1);
        if (d.startsWith("[")) {
            int close = d.indexOf(']');
            d = close > 0 ? d.substring(1, close) : d.substring(1); // [::1]:22
        } else if (d.indexOf(':') == d.lastIndexOf(':') && d.indexOf(':') > 0) {
            d = d.substring(0, d.indexOf(':')); // host:port (not an IPv6 address)
        }
        int slash = d.indexOf('/');
        if (slash > 0 && dest.startsWith("ssh://")) {
            d = d.substring(0, slash);
        }
        StringBuilder out = new StringBuilder();
        d.codePoints()
                .filter(c -> !Character.isISOControl(c) && !Character.isWhitespace(c) && c != 0x7f)
                .limit(MAX)
                .forEach(out::appendCodePoint);
        return out.length() == 0 ? null : out.toString();
    }
}
