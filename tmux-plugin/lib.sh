# Shared by the plugin scripts and scripts/ (sourced). Computes the runtime dir of this tmux server
# exactly as dev.muxbar.config.Paths does: ${XDG_RUNTIME_DIR:-${TMPDIR:-/tmp}}/muxbar-<uid>/<key>, where
# <uid> is the real uid (id -ru; dev.muxbar.config.Uid), <key> is the socket path with bytes outside
# [A-Za-z0-9._-] turned into _, leading _ removed, and a key longer than 48 characters replaced by
# h<cksum>-<last 32 characters>. The other functions use shell builtins only (hot paths call them).

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
        printf '%s/muxbar-%s/%s\n' "${XDG_RUNTIME_DIR:-${TMPDIR:-/tmp}}" "$(id -ru)" "$(muxbar_key "$1")"
    fi
}

# muxbar_private_dir DIR: true when DIR, and its muxbar-<uid> parent where it has one, are real
# directories (not symlinks) owned by this user. Under a shared /tmp another user may have made them
# first: then nothing in them is read or sent to (dev.muxbar.config.PrivateDir refuses them too; it
# also makes them 0700, which builtins cannot check).
muxbar_private_dir() {
    [ -d "$1" ] && [ ! -L "$1" ] && [ -O "$1" ] || return 1
    case ${1%/*} in
        */muxbar-*) [ ! -L "${1%/*}" ] && [ -O "${1%/*}" ] ;;
    esac
}

# muxbar_own_file PATH: a file of this user's that is not a symlink.
muxbar_own_file() {
    [ ! -L "$1" ] && [ -O "$1" ]
}

# muxbar_pid_running PID: the process exists and is not a zombie (one that exited but was not reaped;
# kill -0 succeeds on one). Leaves /proc/PID/stat in _stat where there is /proc.
muxbar_pid_running() {
    kill -0 "$1" 2>/dev/null || return 1
    if [ -r "/proc/$1/stat" ]; then
        read -r _stat < "/proc/$1/stat" 2>/dev/null || return 1
        case ${_stat##*) } in Z* | X*) return 1 ;; esac
    fi
    return 0
}

# muxbar_sh TEXT: TEXT as one sh word: in single quotes, a quote as '\'' (an install path may hold
# quotes, spaces and $). tmux's own parser reads the same form the same way.
muxbar_sh() {
    printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"
}

# muxbar_run TEXT: muxbar_sh TEXT with # doubled, for run-shell, which expands formats in its
# command before sh reads it.
muxbar_run() {
    muxbar_sh "$1" | sed 's/#/##/g'
}

# muxbar_wait TICKS COMMAND [ARG...]: runs COMMAND until it succeeds, 50 ms apart, at most TICKS
# times more; fails when it never did. The one bounded wait of the shell scripts.
muxbar_wait() {
    _muxbar_ticks=$1
    shift
    until "$@"; do
        [ "$_muxbar_ticks" -gt 0 ] || return 1
        sleep 0.05
        _muxbar_ticks=$((_muxbar_ticks - 1))
    done
}

# muxbar_not COMMAND [ARG...]: succeeds when COMMAND fails (to wait for something to end).
muxbar_not() {
    ! "$@"
}

# muxbar_daemon_alive DIR: true when the daemon that holds DIR/daemon.lock still runs. The lock says
# "<pid> <start>" (start: field 22 of /proc/<pid>/stat), so a pid reused by another process does not
# count, nor a killed daemon that is still a zombie (kill -0 succeeds on one; where no init reaps
# orphans promptly, as in many containers, it stays one); without /proc the socket is asked (one curl).
muxbar_daemon_alive() {
    [ -S "$1/daemon.sock" ] && muxbar_own_file "$1/daemon.lock" || return 1
    read -r _pid _start < "$1/daemon.lock" 2>/dev/null || return 1
    case $_pid in '' | *[!0-9]*) return 1 ;; esac
    muxbar_pid_running "$_pid" || return 1
    if [ "${_start:--}" != - ] && [ -r "/proc/$_pid/stat" ]; then
        # muxbar_pid_running read /proc/<pid>/stat into _stat: "<pid> (<comm>) <state> …", fields
        # from the third on after the last ") "
        # shellcheck disable=SC2086 # split into fields on purpose
        set -- ${_stat##*) }
        [ "${20:-}" = "$_start" ]
    else
        curl -s -f -o /dev/null --max-time 1 --unix-socket "$1/daemon.sock" http://muxbar/health 2>/dev/null
    fi
}

# muxbar_daemon_answers DIR: the daemon answers GET /health on DIR/daemon.sock (one curl; false without
# curl). A socket file is not enough: a daemon killed with kill -9 leaves its file behind.
muxbar_daemon_answers() {
    command -v curl >/dev/null 2>&1 &&
        curl -s -f -o /dev/null --max-time 1 --unix-socket "$1/daemon.sock" http://muxbar/health 2>/dev/null
}

# muxbar_binding_is_ours LIST_KEYS_LINE: true for a binding muxbar makes (the same rule as
# dev.muxbar.keys.KeyBinder.isOurs, plus the plugin's own run-shell keys and its key table).
muxbar_binding_is_ours() {
    case $1 in
        *"/switch-index'"* | *"/muxbar-api'"* | *"/focus-sidebar'"* | *"switch-client -T muxbar"* | \
            *"muxbar: no agent needs you"* | *'if-shell -F "#{==:#{session_id},$'*) return 0 ;;
    esac
    case $1 in
        *' switch-client -t "$'*'"') _t=${1##*switch-client -t \"\$}; _t=${_t%\"}
            case $_t in '' | *[!0-9]*) return 1 ;; *) return 0 ;; esac ;;
    esac
    return 1
}

# The global automatic-rename-format while muxbar is loaded: tmux evaluates it with the window's
# active pane, so a focused sidebar keeps the window's name (instead of renaming it after the
# sidebar's program); any other pane gets the user's own format, kept in @muxbar-rename-format.
# shellcheck disable=SC2016,SC2034 # a tmux format, not a shell expansion; used by the scripts that source this
muxbar_rename_wrap='#{?#{@muxbar-sidebar},#{window_name},#{E:@muxbar-rename-format}}'

# A tmux format that is 1 while the daemon's control client (named in @muxbar-control) is attached:
# a comma-delimited list of every session's clients, searched for ",NAME," (#, is a literal comma).
# shellcheck disable=SC2016,SC2034 # a tmux format, not a shell expansion; used by the scripts that source this
muxbar_daemon_attached='#{&&:#{@muxbar-control},#{m:*#,#{@muxbar-control}#,*,#{S:#,#{session_attached_list}#,}}}'

# muxbar_java_fix: the command that installs a Java 17+ runtime on this system (one line).
muxbar_java_fix() {
    if [ "$(uname -s 2>/dev/null)" = Darwin ]; then
        echo "brew install openjdk@21"
        return
    fi
    _id=$(sed -n 's/^ID=//p; s/^ID_LIKE=//p' /etc/os-release 2>/dev/null | tr -d '"' | tr '\n' ' ')
    case " $_id " in
        *" debian "* | *" ubuntu "*) echo "sudo apt install openjdk-17-jre-headless" ;;
        *" fedora "* | *" rhel "* | *" centos "*) echo "sudo dnf install java-17-openjdk-headless" ;;
        *" arch "*) echo "sudo pacman -S jre17-openjdk-headless" ;;
        *" alpine "*) echo "sudo apk add openjdk17-jre-headless" ;;
        *" opensuse"* | *" suse "*) echo "sudo zypper install java-17-openjdk-headless" ;;
        *) echo "install a Java 17+ runtime (e.g. Temurin from adoptium.net)" ;;
    esac
}

# muxbar_newer FILE THAN: true when FILE was modified after THAN (find, as POSIX test has no -nt).
muxbar_newer() {
    [ -n "$(find "$1" -newer "$2" 2>/dev/null)" ]
}

# muxbar_download URL FILE: fetch URL into FILE with curl or wget (false when neither works).
muxbar_download() {
    if command -v curl >/dev/null 2>&1; then
        curl -fsSL --max-time 120 -o "$2" "$1"
    elif command -v wget >/dev/null 2>&1; then
        wget -q -T 120 -O "$2" "$1"
    else
        return 1
    fi
}

# muxbar_sha256 FILE: its SHA-256 in hex (sha256sum, or shasum on macOS).
muxbar_sha256() {
    if command -v sha256sum >/dev/null 2>&1; then
        sha256sum "$1" | cut -d ' ' -f 1
    else
        shasum -a 256 "$1" | cut -d ' ' -f 1
    fi
}
