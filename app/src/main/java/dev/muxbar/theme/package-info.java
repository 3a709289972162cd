/**
 * Colour themes as data ({@code themes/*.json}, validated, optional roles filled), the 256-colour
 * fallback, user themes, and which theme is active (picks, tmux options, system appearance). May
 * import {@code config}, {@code text} and {@code json}.
 */
package dev.muxbar.theme;
