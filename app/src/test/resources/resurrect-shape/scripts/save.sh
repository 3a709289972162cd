#!/usr/bin/env bash
source "$(dirname "$0")/common.sh"
mkdir -p "$dir"
file="$dir/tmux_resurrect_$(date +%Y%m%dT%H%M%S%N).txt"
# The program a pane's shell runs in the foreground, with its arguments ("" for the shell alone).
full_command() { ps -o args= --ppid "$1" 2>/dev/null | head -n 1; }
tmux list-panes -a -F "pane${d}#{session_name}${d}#{window_index}${d}#{window_active}${d}:#{window_flags}${d}#{pane_index}${d}#{pane_title}${d}:#{pane_current_path}${d}#{pane_active}${d}#{pane_current_command}${d}#{pane_pid}" |
    while IFS=$d read -r t s w wa wf pi title cwd pa cmd pid; do
        printf '%s\n' "$t$d$s$d$w$d$wa$d$wf$d$pi$d$title$d$cwd$d$pa$d$cmd$d:$(full_command "$pid")"
    done > "$file"
tmux list-windows -a -F "window${d}#{session_name}${d}#{window_index}${d}:#{window_name}${d}#{window_active}${d}:#{window_flags}${d}#{window_layout}${d}:" >> "$file"
tmux display-message -p "state${d}#{client_session}${d}#{client_last_session}" >> "$file"
hook post-save-layout "$file"
ln -sfn "$(basename "$file")" "$dir/last"
# Pane contents: captured by session:window.pane as the panes are now, archived, then the hook.
if [ "$(tmux show-options -gqv @resurrect-capture-pane-contents)" = on ]; then
    mkdir -p "$dir/save/pane_contents"
    tmux list-panes -a -F "#{session_name}:#{window_index}.#{pane_index}" | while read -r p; do
        tmux capture-pane -epJ -t "$p" > "$dir/save/pane_contents/pane-$p"
    done
    tar cf - -C "$dir/save/" ./pane_contents/ | gzip > "$dir/pane_contents.tar.gz"
    rm -rf "$dir/save/pane_contents"
fi
hook post-save-all
