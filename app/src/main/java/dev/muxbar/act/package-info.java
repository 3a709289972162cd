/**
 * Acting on agents without switching to them: reading the prompt an agent shows (its choices, by
 * its rules file) and answering it, or replying to an agent, through the one tmux gateway — never
 * to a prompt that changed since it was read, never to a pane that no longer runs that agent, every
 * action logged. Used by the sidebar's keys and the API's routes alike; {@code AgentDoor},
 * {@code OtherMachines} and {@code Lifetimes} are the contracts the sidebar acts through (agents
 * here or on another machine, agents across restarts). May import {@code model},
 * {@code agents}, {@code tmux} and {@code config}.
 */
package dev.muxbar.act;
