package dev.muxbar.web;

import dev.muxbar.config.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The web view's own certificate, made once with the JDK's {@code keytool} (no library): an EC key in
 * {@code web-tls.p12} of the state dir, its password in {@code web-tls.secret} (both 0600), valid ten
 * years, named for the listen address and the user's host names. Browsers warn about it once; the
 * pairing output shows its SHA-256 fingerprint to compare with what the browser shows.
 */
public record SelfSigned(Path keyStore, String password, String fingerprint) {

    /** The certificate in {@code dir}, made now when there is none. */
    public static SelfSigned in(Path dir, WebConfig config) throws IOException {
        Path store = dir.resolve("web-tls.p12");
        Path secret = dir.resolve("web-tls.secret");
        if (!Files.exists(store) || !Files.exists(secret)) {
            Files.createDirectories(dir);
            byte[] raw = new byte[24];
            new SecureRandom().nextBytes(raw);
            String pass = HexFormat.of().formatHex(raw);
            Files.deleteIfExists(store);
            List<String> san = new ArrayList<>(List.of("dns:localhost", "ip:127.0.0.1"));
            san.add((config.host().matches("[0-9.]+|.*:.*") ? "ip:" : "dns:") + config.host());
            config.names().forEach(n -> san.add("dns:" + n.replaceAll(":[0-9]+$", "")));
            Process p = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "keytool")
                                    .toString(),
                            "-genkeypair",
                            "-alias",
                            "muxbar",
                            "-keyalg",
                            "EC",
                            "-groupname",
                            "secp256r1",
                            "-validity",
                            "3650",
                            "-dname",
                            "CN=muxbar web view",
                            "-ext",
                            "SAN=" + String.join(",", san),
                            "-keystore",
                            store.toString(),
                            "-storetype",
                            "PKCS12",
                            "-storepass",
                            pass,
                            "-keypass",
                            pass)
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            try {
                if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    p.destroyForcibly();
                    throw new IOException("keytool could not make a certificate: " + out.strip());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while making a certificate");
            }
            Files.setPosixFilePermissions(store, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            AtomicFiles.write(secret, pass + "\n");
        }
        String pass = Files.readString(secret).strip();
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, pass.toCharArray());
            Certificate c = ks.getCertificate("muxbar");
            if (c == null) {
                throw new IOException(store + " holds no certificate named muxbar; remove it to make a new one");
            }
            byte[] d = MessageDigest.getInstance("SHA-256").digest(c.getEncoded());
            return new SelfSigned(
                    store, pass, HexFormat.ofDelimiter(":").withUpperCase().formatHex(d));
        } catch (GeneralSecurityException e) {
            throw new IOException(store + " does not read: " + e.getMessage() + "; remove it to make a new one");
        }
    }
}
