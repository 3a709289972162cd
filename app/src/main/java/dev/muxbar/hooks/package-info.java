/**
 * Installs and removes muxbar's entries in agents' own config files (Claude Code's settings.json,
 * Codex's config.toml) by editing only the spans muxbar owns, after a backup.
 */
package dev.muxbar.hooks;
