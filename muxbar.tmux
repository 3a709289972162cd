#!/bin/sh
# TPM runs every *.tmux file at the root of a plugin: delegate to the plugin proper.
exec "$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd)/tmux-plugin/muxbar.tmux"
