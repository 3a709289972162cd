/**
 * Installs and removes muxbar's entries in agents' own config files (Claude Code's settings.json,
 * Codex's config.toml) by editing only the spans muxbar owns, after a backup. May import
 * {@code config} only.
 */
package dev.muxbar.hooks;
