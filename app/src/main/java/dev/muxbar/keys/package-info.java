/**
 * Key bindings: while the daemon runs, the switch keys the plugin bound are native tmux bindings
 * ({@code switch-client -t '$3'}) kept current with the sidebar order; on exit the shell fast path
 * ({@code scripts/switch-index}) is bound again. A model subscriber; may import {@code model},
 * {@code state} and {@code tmux}.
 */
package dev.muxbar.keys;
