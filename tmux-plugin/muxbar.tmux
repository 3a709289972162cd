#!/bin/sh
# muxbar's tmux plugin: run by TPM (via the root muxbar.tmux) or by
#   run-shell /path/to/muxbar/muxbar.tmux
# Exports the runtime dir, binds the switch keys to the shell fast path (the daemon replaces them
# with native bindings while it runs), installs one hook in muxbar's own slot, and starts the daemon
# in the background. Re-running it is harmless: the same keys, one hook, one daemon.
set -u
here=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd)
root=$(dirname -- "$here")
# shellcheck source=tmux-plugin/lib.sh
. "$here/lib.sh"
# The scripts as run-shell words: quoted for sh, # doubled for tmux's formats (an install path may
# hold quotes, spaces, $ or #).
switch_index=$(muxbar_run "$root/scripts/switch-index")
api=$(muxbar_run "$root/scripts/muxbar-api")
focus=$(muxbar_run "$root/scripts/focus-sidebar")
ensure=$(muxbar_run "$root/scripts/ensure-daemon")

sock=$(tmux display-message -p '#{socket_path}')
dir=$(muxbar_runtime_dir "$sock")
tmux set-environment -g MUXBAR_RUNTIME_DIR "$dir"
tmux set-environment -g MUXBAR_ROOT "$root"

# option NAME DEFAULT: the option's value; DEFAULT only when it is not set at all (set to "" disables).
option() {
    if tmux show-options -gq "$1" | grep -q .; then
        tmux show-options -gqv "$1"
    else
        printf '%s\n' "$2"
    fi
}

# ours KEY TABLE: true when muxbar may bind KEY: unbound, or bound by muxbar — judged by what the
# binding runs, not by what was recorded: a config that binds its own key after TPM's line (so after
# this plugin, on every re-source) keeps it.
ours() {
    current=$(tmux list-keys -T "$2" "$1" 2>/dev/null)
    [ -z "$current" ] || muxbar_binding_is_ours "$current"
}

bound=""
skipped=""
n=0
for key in $(option @muxbar-switch-keys "M-1 M-2 M-3 M-4 M-5 M-6 M-7 M-8 M-9"); do
    n=$((n + 1))
    [ "$n" -le 9 ] || break
    if ours "$key" root; then
        tmux bind-key -n "$key" run-shell -b "$switch_index $n '#{client_tty}'"
        bound="$bound root:$key:$n"
    else
        skipped="$skipped $key"
    fi
done

# prefix + KEY, then 1-9 (switch), n (next agent needing you), t (toggle sidebars), s (focus the sidebar).
pk=$(option @muxbar-prefix-key o)
if [ -n "$pk" ]; then
    current=$(tmux list-keys -T prefix "$pk" 2>/dev/null)
    # tmux's own default for o (select-pane -t :.+) may be replaced (kept in @muxbar-saved-binding,
    # list-keys' line, which is tmux syntax: uninstall sources it back); a user's binding may not.
    case $current in *"select-pane -t :.+"*) tmux set-option -g @muxbar-saved-binding "$current" ;; esac
    case $current in '' | *"select-pane -t :.+"* | *"switch-client -T muxbar"*)
        tmux bind-key -T prefix "$pk" switch-client -T muxbar
        bound="$bound prefix:$pk:0"
        for i in 1 2 3 4 5 6 7 8 9; do
            tmux bind-key -T muxbar "$i" run-shell -b "$switch_index $i '#{client_tty}'"
            bound="$bound muxbar:$i:$i"
        done
        tmux bind-key -T muxbar n run-shell -b "$switch_index next '#{client_tty}'"
        bound="$bound muxbar:n:next"
        tmux bind-key -T muxbar t run-shell -b "$api POST /toggle"
        tmux bind-key -T muxbar s run-shell -b "$focus '#{window_id}'"
        ;;
    *) skipped="$skipped prefix:$pk" ;;
    esac
fi
tk=$(option @muxbar-toggle-key "")
if [ -n "$tk" ] && ours "$tk" root; then
    tmux bind-key -n "$tk" run-shell -b "$api POST /toggle"
    bound="$bound root:$tk:0"
fi
fk=$(option @muxbar-focus-key "")
if [ -n "$fk" ] && ours "$fk" root; then
    tmux bind-key -n "$fk" run-shell -b "$focus '#{window_id}'"
    bound="$bound root:$fk:0"
fi
# The next-attention key: the session whose agent waits (or finished unseen); native while the daemon runs.
nk=$(option @muxbar-next-key M-0)
if [ -n "$nk" ]; then
    if ours "$nk" root; then
        tmux bind-key -n "$nk" run-shell -b "$switch_index next '#{client_tty}'"
        bound="$bound root:$nk:next"
    else
        skipped="$skipped $nk"
    fi
fi
tmux set-option -g @muxbar-bound-keys "${bound# }"
tmux set-option -g @muxbar-skipped-keys "${skipped# }"

# A focused sidebar never renames its window (lib.sh: muxbar_rename_wrap). The user's format is kept
# as it was; a config that sets it again before this plugin runs is wrapped again on every load.
arf=$(tmux show-options -gv automatic-rename-format)
if [ "$arf" != "$muxbar_rename_wrap" ]; then
    tmux set-option -g @muxbar-rename-format "$arf"
    tmux set-option -g automatic-rename-format "$muxbar_rename_wrap"
fi

# `muxbar` in tmux's shells: the plugin's bin/ (which holds only muxbar) goes at the end of tmux's
# global PATH once, noted in @muxbar-path-added so uninstall takes exactly that back out.
path=$(tmux show-environment -g PATH 2>/dev/null | sed -n 's/^PATH=//p')
case ":$path:" in *":$root/bin:"*) ;; *)
    tmux set-environment -g PATH "${path:+$path:}$root/bin"
    tmux set-option -g @muxbar-path-added "$root/bin" ;;
esac

# tmux-resurrect (if installed): sidebars are not saved as the user's panes, and none is split into
# a window resurrect is filling (scripts/muxbar-resurrect). A hook of the user's for the same event
# is kept in @muxbar-resurrect-hook-KIND and run after muxbar's; uninstall puts it back.
# resurrect runs its hooks with eval: the path as one sh word.
for kind in post-save-layout post-save-all pre-restore-all post-restore-all; do
    current=$(tmux show-options -gqv "@resurrect-hook-$kind")
    case $current in *"/scripts/muxbar-resurrect' $kind") ;; *)
        tmux set-option -g "@muxbar-resurrect-hook-$kind" "$current" ;;
    esac
    tmux set-option -g "@resurrect-hook-$kind" "$(muxbar_sh "$root/scripts/muxbar-resurrect") $kind"
done

# Hooks in muxbar's own slot (other plugins' hooks in other slots stay). A user's client changing
# session brings a dead daemon back, and costs nothing while the daemon lives: the daemon names its
# control client in @muxbar-control, and only when no client of that name is attached does the hook
# run anything (a run-shell forks the tmux server: ~1 ms on every switch). Control clients are
# skipped: the daemon's own attaching and moves fire this hook too. They are told by name
# ("client-<pid>": they have no tty), as #{client_control_mode} in a hook is the most recently
# active client's, not the hook's. A client detaching brings it back too: the daemon's control client detaches the moment the daemon dies
# (kill -9, a crash), so a dead daemon is replaced at once, without waiting for a key. A daemon stopped on purpose sets
# @muxbar-stopped first and stays stopped until the plugin loads again or a muxbar key is pressed.
tmux set-option -gu @muxbar-stopped
# Each level quoted for the parser that reads it: the hook's text (tmux, when set), if-shell's
# command (tmux, when it runs), run-shell's (formats, then sh).
tmux set-hook -g 'client-session-changed[8470]' \
    "if-shell -F '#{||:#{m:client-*,#{hook_client}},$muxbar_daemon_attached}' '' $(muxbar_sh "run-shell -b $(muxbar_sh "$ensure")")"
tmux set-hook -g 'client-detached[8470]' \
    "if-shell -F '#{@muxbar-stopped}' '' $(muxbar_sh "run-shell -b $(muxbar_sh "$ensure --detached '#{hook_client}'")")"

# A daemon already running (re-sourced ~/.tmux.conf) makes the keys bound above native again —
# unless the jar is newer than that daemon (a TPM update, a rebuild): then it is replaced, and the
# new one re-adopts the sidebars (daemon.lock is written when a daemon starts).
if [ -S "$dir/daemon.sock" ] && ! muxbar_newer "$root/app/target/muxbar.jar" "$dir/daemon.lock"; then
    tmux run-shell -b "$api POST /keys/rebind"
fi
tmux run-shell -b "$ensure --replace-older"
