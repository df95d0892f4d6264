package th.onecitizen.connectors.egress;

import io.netty.channel.ChannelOption;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.KeyManagerFactory;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import th.onecitizen.connectors.ConnectorsProperties;

/**
 * The HTTP clients that reach agencies: every one resolves through the egress policy, never follows redirects
 * (S-CN-06), bounds connect time, and compresses nothing it cannot bound. Connectors with mTLS get their own
 * client carrying their client certificate; the rest share one.
 */
public final class AgencyHttp {

    private final WebClient.Builder builder;
    private final EgressPolicyResolverGroup resolver;
    private final Map<String, ConnectorsProperties.KeyStoreRef> keyStores;
    private final ConnectionProvider connections;
    private final WebClient shared;
    private final Map<String, WebClient> mtls = new ConcurrentHashMap<>();

    public AgencyHttp(WebClient.Builder builder, EgressPolicyResolverGroup resolver,
            Map<String, ConnectorsProperties.KeyStoreRef> keyStores) {
        this.builder = builder;
        this.resolver = resolver;
        this.keyStores = keyStores;
        // per-agency concurrency is bounded by each connector's bulkhead; this only caps the whole pool
        this.connections = ConnectionProvider.builder("agencies").maxConnections(1000)
                .pendingAcquireMaxCount(2000).pendingAcquireTimeout(Duration.ofSeconds(5))
                .maxIdleTime(Duration.ofSeconds(30)).evictInBackground(Duration.ofSeconds(30)).build();
        this.shared = client(null);
        // key stores are files: read them now, at start-up, never on an event-loop thread
        keyStores.keySet().forEach(ref -> mtls.put(ref, client(sslContext(ref))));
    }

    /** The client for connectors without mTLS. */
    public WebClient shared() {
        return shared;
    }

    /** The client that presents the certificate in key store {@code keyRef}. */
    public WebClient mutualTls(String keyRef) {
        WebClient client = mtls.get(keyRef);
        if (client == null) {
            throw new IllegalStateException("No key store is configured for key_ref " + keyRef);
        }
        return client;
    }

    private WebClient client(SslContext ssl) {
        HttpClient http = HttpClient.create(connections)
                .resolver(resolver)
                .followRedirect(false)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 3000);
        if (ssl != null) {
            http = http.secure(spec -> spec.sslContext(ssl));
        }
        return builder.clone().clientConnector(new ReactorClientHttpConnector(http)).build();
    }

    private SslContext sslContext(String keyRef) {
        ConnectorsProperties.KeyStoreRef ref = keyStores.get(keyRef);
        if (ref == null) {
            throw new IllegalStateException("No key store is configured for key_ref " + keyRef);
        }
        try (InputStream in = Files.newInputStream(Path.of(ref.path()))) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, ref.password().toCharArray());
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, ref.password().toCharArray());
            return SslContextBuilder.forClient().keyManager(kmf).build();
        } catch (Exception e) {
            throw new IllegalStateException("Key store " + keyRef + " cannot be loaded", e);
        }
    }
}
