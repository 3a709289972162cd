# Shared by the plugin scripts (sourced). Computes the runtime dir of this tmux server exactly as
# dev.muxbar.config.Paths does: ${XDG_RUNTIME_DIR:-${TMPDIR:-/tmp}}/muxbar-<uid>/<key>, where <key> is
# the socket path with bytes outside [A-Za-z0-9._-] turned into _, leading _ removed, and a key
# longer than 48 characters replaced by h<cksum>-<last 32 characters>.

# muxbar_key SOCKET_PATH
muxbar_key() {
    _k=$(printf '%s' "$1" | LC_ALL=C tr -c 'A-Za-z0-9._-' '_' | sed 's/^_*//')
    if [ "${#_k}" -gt 48 ]; then
        _sum=$(printf '%s' "$1" | cksum | cut -d ' ' -f 1)
        _k="h$_sum-$(printf '%s' "$_k" | tail -c 32)"
    fi
    printf '%s\n' "$_k"
}

# muxbar_runtime_dir SOCKET_PATH
muxbar_runtime_dir() {
    if [ -n "${MUXBAR_RUNTIME_DIR:-}" ]; then
        printf '%s\n' "$MUXBAR_RUNTIME_DIR"
    else
        printf '%s/muxbar-%s/%s\n' "${XDG_RUNTIME_DIR:-${TMPDIR:-/tmp}}" "$(id -u)" "$(muxbar_key "$1")"
    fi
}
