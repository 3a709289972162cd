package dev.muxbar.web;

import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The web view's HTTP server on its TCP address ({@link WebConfig}): Jetty, the daemon's own library,
 * with a small pool of its own (a page costs a thread only while it asks something; its event stream
 * is written asynchronously). TLS with the {@link SelfSigned} certificate when the config says so.
 * Nothing listens before {@link #start} or after {@link #close}.
 */
public final class WebServer implements AutoCloseable {

    private final WebConfig config;
    private final Server server;
    private final SelfSigned certificate; // null: plain HTTP

    private WebServer(WebConfig config, Server server, SelfSigned certificate) {
        this.config = config;
        this.server = server;
        this.certificate = certificate;
    }

    /** Listening when this returns; throws with why not (the address in use, a certificate that cannot be made). */
    public static WebServer start(WebConfig config, WebParts parts, Path stateDir) throws IOException {
        QueuedThreadPool pool = new QueuedThreadPool(8, 2);
        pool.setName("muxbar-web");
        pool.setDaemon(true);
        Server server = new Server(pool);
        SelfSigned cert = config.tls() ? SelfSigned.in(stateDir, config) : null;
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(false);
        ServerConnector connector;
        if (cert != null) {
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStorePath(cert.keyStore().toString());
            ssl.setKeyStorePassword(cert.password());
            ssl.setKeyStoreType("PKCS12");
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            secure.setSniHostCheck(false); // a self-signed certificate for an address, not a name
            http.addCustomizer(secure);
            connector = new ServerConnector(
                    server, 1, 1, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(http));
        } else {
            connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        }
        connector.setHost(config.host());
        connector.setPort(config.port());
        connector.setIdleTimeout(60_000);
        server.addConnector(connector);
        server.setHandler(new WebRoutes(config, parts));
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // it did not start
            }
            throw new IOException("cannot listen on " + config.authority() + ": " + e.getMessage(), e);
        }
        return new WebServer(config, server, cert);
    }

    public WebConfig config() {
        return config;
    }

    /** The certificate's SHA-256 fingerprint, or null without TLS. */
    public String fingerprint() {
        return certificate == null ? null : certificate.fingerprint();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            // stopping anyway
        }
    }
}
