/**
 * The local HTTP/1.1 API on {@code daemon.sock} (Jetty's Unix-domain connector, no TCP listener):
 * the transport ({@link dev.muxbar.api.ApiServer}), the routes ({@code Routes}, {@code AgentRoutes})
 * and the client the CLI uses. Model changes go to the loop as events; the rest through
 * {@link dev.muxbar.api.ServerActions}. May import {@code model}, {@code state}, {@code agents},
 * {@code tmux} (typed commands), {@code theme} (results), {@code act}, {@code events}, {@code config}
 * and {@code json} (bodies and answers).
 */
package dev.muxbar.api;
