#!/usr/bin/env bash
source "$(dirname "$0")/common.sh"
file="$dir/last"
[ -f "$file" ] || { tmux display-message "no save"; exit 0; }
sock=${TMUX%%,*}
hook pre-restore-all
scratch=false
[ "$(tmux list-panes -a | wc -l)" -eq 1 ] && scratch=true
restored0=false
contents="$dir/restore/pane_contents"
rm -rf "$contents"
if [ "$(tmux show-options -gqv @resurrect-capture-pane-contents)" = on ] && [ -f "$dir/pane_contents.tar.gz" ]; then
    mkdir -p "$dir/restore"
    gzip -d < "$dir/pane_contents.tar.gz" | tar xf - -C "$dir/restore"
fi
# The command a recreated pane starts with: its saved contents, then the shell.
start() {
    local f="$contents/pane-$1"
    if [ -f "$f" ]; then printf "cat '%s'; exec %s" "$f" "$(tmux show-options -gv default-shell)"; fi
}
while IFS=$d read -r t s w wa wf pi title cwd pa cmd full; do
    [ "$t" = pane ] || continue
    cwd=${cwd#:}
    [ "$s" = 0 ] && restored0=true
    run=()
    c=$(start "$s:$w.$pi")
    [ -n "$c" ] && run=("$c")
    if tmux list-panes -t "$s:$w" -F '#{pane_index}' 2>/dev/null | grep -qx "$pi"; then
        if $scratch; then
            old=$(tmux display-message -p -t "$s:$w" '#{pane_id}')
            tmux split-window -t "$s:$w" -c "$cwd" "${run[@]}"
            tmux kill-pane -t "$old"
        fi
    elif tmux list-windows -t "$s" -F '#{window_index}' 2>/dev/null | grep -qx "$w"; then
        tmux split-window -t "$s:$w" -c "$cwd" "${run[@]}"
        tmux resize-pane -t "$s:$w" -U 999
    elif tmux has-session -t "$s" 2>/dev/null; then
        tmux new-window -d -t "$s:$w" -c "$cwd" "${run[@]}"
    else
        TMUX="" tmux -S "$sock" new-session -d -s "$s" -c "$cwd" "${run[@]}"
        first=$(tmux show-options -gv base-index)
        [ "$first" = "$w" ] || tmux move-window -s "$s:$first" -t "$s:$w"
    fi
done < "$file"
if $scratch && ! $restored0; then
    tmux kill-session -t 0
fi
grep "^window$d" "$file" | while IFS=$d read -r t s w name wa wf layout ar; do
    tmux select-layout -t "$s:$w" "$layout" >/dev/null 2>&1
    tmux rename-window -t "$s:$w" "${name#:}"
done
# Programs on the list come back (resurrect's default list holds tail and less, among others).
grep "^pane$d" "$file" | while IFS=$d read -r t s w wa wf pi title cwd pa cmd full; do
    full=${full#:}
    case ${full%% *} in tail | less) tmux send-keys -t "$s:$w.$pi" "$full" C-m ;; esac
done
grep "^pane$d" "$file" | while IFS=$d read -r t s w wa wf pi title cwd pa cmd full; do
    [ "$pa" = 1 ] && tmux select-pane -t "$s:$w.$pi"
done
hook post-restore-all
