/**
 * Coding agents in panes: rules per agent, hook payload mapping, transcript and registry parsing
 * (and the readers of those files), identity and places, the one tracker that keeps a row per agent,
 * the {@code Authority} that decides which source may say what, and {@code muxbar explain}'s
 * evidence; what the agents' lines say of usage ({@code UsageLine}, summed per conversation by
 * {@code UsageBook}) and what their processes cost ({@code CostSampler}). (The accuracy suite's {@code Replay} lives with the tests.) May import {@code model} only (and {@code config} for files,
 * {@code json} for payloads).
 */
package dev.muxbar.agents;
