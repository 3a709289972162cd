/**
 * Non-blocking tty I/O for many ttys from one thread: {@code TtyHub} polls every open tty with
 * {@code poll(2)} (through JNA, {@code Posix}), hands each one's input to its listener and writes
 * what could not be written at once when the tty drains. The number of threads does not grow with
 * the number of ttys. Knows nothing of sidebars, tmux or the model: imports only the JDK and JNA.
 */
package dev.muxbar.tty;
