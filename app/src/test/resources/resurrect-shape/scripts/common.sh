# Shared by save.sh and restore.sh (bash).
d=$'\t'
dir=$(tmux show-options -gqv @resurrect-dir)
hook() {
    local kind=$1 h args=""
    shift
    h=$(tmux show-options -gqv "@resurrect-hook-$kind")
    [ $# -gt 0 ] && printf -v args '%q ' "$@"
    if [ -n "$h" ]; then
        eval "$h $args"
    fi
}
