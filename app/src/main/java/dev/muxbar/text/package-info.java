/** Terminal text measurement (cell widths, fitting) shared by rendering and theme validation. Imports nothing of muxbar. */
package dev.muxbar.text;
