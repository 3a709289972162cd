package dev.muxbar.web;

import dev.muxbar.act.AgentActions;
import dev.muxbar.events.EventHub;
import dev.muxbar.theme.Theme;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * What the web view is made of: the daemon's event stream, the
 * sidebar's way of acting on agents (here, and on the other machines through their muxbar), the active theme (in auto mode: dark and light), the paired devices, the pairing codes, the log
 * (audit lines), a wall clock, and the notification kinds an open page shows ({@code @muxbar-notify-on}).
 */
public record WebParts(
        EventHub hub,
        AgentActions actions,
        dev.muxbar.act.OtherMachines others,
        Supplier<List<Theme>> themes,
        Devices devices,
        Pairing pairing,
        Consumer<String> log,
        LongSupplier clock,
        Supplier<List<String>> notifyKinds) {}
