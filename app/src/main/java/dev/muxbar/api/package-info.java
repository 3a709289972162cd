/**
 * The local HTTP/1.1 API on {@code daemon.sock} (Jetty's Unix-domain connector, no TCP listener)
 * and the client the CLI uses to reach it.
 */
package dev.muxbar.api;
