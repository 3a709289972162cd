/**
 * The services around agents: hook payloads, transcript tails and screen captures in (posted to
 * the loop as events, usage with them), what the agents' processes cost ({@code CostWatch}), alerts
 * out (bells and messages for agents that need the user). They
 * subscribe to the model and turn it into effects. May import {@code model}, {@code agents},
 * {@code state} (to post events), {@code tmux} (the gateway) and {@code json} (Claude's statusLine
 * payload, handed to the usage book).
 */
package dev.muxbar.agentservice;
