# Shared helpers for the benchmarks (sourced). Each benchmark runs its own tmux server on a private
# socket and removes it (and any daemon it started, by pid) on exit.

# (Scripts outside scripts/bench set root before sourcing this.)
root=${root:-$(CDPATH='' cd -- "$(dirname -- "$0")/../.." && pwd)}
jar="$root/app/target/muxbar.jar"
# The harnesses live in their own module (bench/), run with the product jar on the class path.
bench_jar="$root/bench/target/muxbar-bench.jar"
if [ ! -f "$jar" ] || [ ! -f "$bench_jar" ]; then
    "$root/scripts/build" >/dev/null
fi
# shellcheck disable=SC2034 # used by the scripts that source this
bench_cp="$jar:$bench_jar"
bench_dir=$(mktemp -d "${TMPDIR:-/tmp}/muxbar-bench.XXXXXX")
bench_pids=""
bench_socks=""

bench_cleanup() {
    for p in $bench_pids; do kill "$p" 2>/dev/null || true; done
    for p in $bench_pids; do
        n=0
        while kill -0 "$p" 2>/dev/null && [ "$n" -lt 100 ]; do sleep 0.05; n=$((n + 1)); done
    done
    for s in $bench_socks; do
        tmux -L "$s" kill-server 2>/dev/null || true
        rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$s"
    done
    rm -rf "$bench_dir"
}
trap bench_cleanup EXIT
# A signal (Ctrl-C, a closed pipe such as '| head') ends the run, with the same cleanup.
trap 'exit 1' HUP INT PIPE TERM

# make_server LABEL SESSIONS PANES_PER_SESSION: one tmux server, every pane running sleep.
make_server() {
    label=$1; n=$2; panes=$3
    bench_socks="$bench_socks $label"
    cmds="$bench_dir/$label.tmux"
    : > "$cmds"
    i=1
    while [ "$i" -lt "$n" ]; do
        echo "new-session -d -s s$i -x 160 -y 40 'sleep 86400'" >> "$cmds"
        k=1
        while [ "$k" -lt "$panes" ]; do
            echo "split-window -d -t s$i 'sleep 86400'" >> "$cmds"
            echo "select-layout -t s$i tiled" >> "$cmds"
            k=$((k + 1))
        done
        i=$((i + 1))
    done
    tmux -L "$label" -f /dev/null new-session -d -s s0 -x 160 -y 40 'sleep 86400'
    k=1
    while [ "$k" -lt "$panes" ]; do
        tmux -L "$label" split-window -d -t s0 'sleep 86400'; tmux -L "$label" select-layout -t s0 tiled
        k=$((k + 1))
    done
    if [ -s "$cmds" ]; then tmux -L "$label" source-file "$cmds"; fi
}

# health FIELD: a number from the daemon's /health stats
health() {
    curl -s --unix-socket "$MUXBAR_RUNTIME_DIR/daemon.sock" http://muxbar/health | jq -r ".stats.$1"
}

# rss_threads PID: "RSS_MB THREADS"
rss_threads() {
    awk '/^VmRSS:/ {r=$2} /^Threads:/ {t=$2} END {printf "%.1f MB  %d threads", r/1024, t}' "/proc/$1/status"
}

# thread_names PID: the process's threads by name, numbers folded ("sidebar-%12" → "sidebar-%N"),
# most first: "2×sidebar-paint-N 1×muxbar-loop …"
thread_names() {
    for t in /proc/"$1"/task/*/comm; do cat "$t" 2>/dev/null; done |
        sed 's/[0-9][0-9]*/N/g' | sort | uniq -c | sort -rn | awk '{ n = $1; $1 = ""; printf "%s%d×%s", sep, n, substr($0, 2); sep = "  " } END { print "" }'
}
