/**
 * Agents that outlive their processes: every agent of this machine's panes remembered
 * ({@code AgentMemory}, {@code Memory}, {@code MemoryStore}: kind, resume id, cwd, argv as started, the
 * environment that decides where it keeps its data, its place), brought back after a restart into its
 * pane or a place made for it again ({@code Resumer}, {@code ResumeLine}, the resume commands as data
 * in {@code Kinds}), hibernated to free memory ({@code Hibernator}), and the policies of
 * {@code @muxbar-resume} and {@code @muxbar-hibernate-after} ({@code Revival}). May import
 * {@code model}, {@code agents} (the process table), {@code tmux}, {@code config}, {@code json} and
 * {@code act} (the sidebar's contract for it, {@code Lifetimes}).
 */
package dev.muxbar.resume;
