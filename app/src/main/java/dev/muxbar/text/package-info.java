/** Terminal text measurement (cell widths, fitting) shared by rendering and theme validation. */
package dev.muxbar.text;
