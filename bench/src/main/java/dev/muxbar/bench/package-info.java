/**
 * Benchmark harnesses (refresh round trips, sidebar repaints, key switches, agent event load), in
 * their own module: they use muxbar's public classes and are not shipped in muxbar.jar.
 */
package dev.muxbar.bench;
