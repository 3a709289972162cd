/**
 * Several machines: the user's SSH hosts ({@code Host}, kept by {@code HostStore}), the OpenSSH
 * command lines muxbar runs to reach them ({@code Ssh}: {@code BatchMode}, a connect timeout, the
 * user's own config; every word quoted for the remote shell), and what a check of one host finds
 * ({@code HostCheck}), and one link per host ({@code HostLink}: a master connection, the remote
 * daemons forwarded), each remote daemon's event stream read ({@code RemoteFeed}, {@code RemoteState})
 * and its agents acted on through its API ({@code RemoteAgents}). OpenSSH is the only transport. May
 * import {@code model} (the scheduler), {@code config}, {@code json}, {@code tmux} (its shell quoting),
 * {@code act} (the contract of acting on agents) and {@code agents} (a prompt's shape).
 */
package dev.muxbar.hosts;
