/**
 * The web view a user pairs a phone with: off until turned on, loopback by default, TLS off loopback
 * (a self-signed certificate made once) or behind the user's own proxy. Paired devices hold a token
 * (stored hashed); every route but pairing needs one, POSTs a CSRF token, every request an allowed
 * Host (and Origin); failed authentication is rate-limited. The page reads the daemon's own event
 * stream and acts through {@code act.AgentActions}, the sidebar's hash-checked path. May import
 * {@code model}, {@code state}, {@code events}, {@code act}, {@code theme}, {@code config} and
 * {@code json}.
 */
package dev.muxbar.web;
