package th.onecitizen.identity.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.test.StepVerifier;
import th.onecitizen.testkit.SettableClock;

/** Provider JWTs are checked strictly (S-UP-01, S-UP-04) and unknown kids refetch the JWKS once per interval. */
class UpstreamJwtTests {

    private HttpServer server;
    private final AtomicInteger fetches = new AtomicInteger();
    private ECKey key;
    private RemoteJwks jwks;

    @BeforeEach
    void setUp() throws Exception {
        key = new ECKeyGenerator(Curve.P_256).keyID("p1").generate();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/jwks", ex -> {
            fetches.incrementAndGet();
            byte[] body = new JWKSet(key.toPublicJWK()).toString(true).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        jwks = new RemoteJwks(WebClient.create(), "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks",
                new UpstreamCalls("test", Duration.ofSeconds(20)), Clock.systemUTC(), Duration.ofSeconds(30));
    }

    @AfterEach
    void tearDown() {
        server.stop(0);
    }

    private JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().issuer("https://idp").audience("rp").subject("s")
                .expirationTime(Date.from(Instant.now().plusSeconds(300)));
    }

    private String es256(JWTClaimsSet c, ECKey k) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(k.getKeyID()).build(), c);
        jwt.sign(new ECDSASigner(k));
        return jwt.serialize();
    }

    private void refused(String token) {
        StepVerifier.create(UpstreamJwt.validate(token, jwks, "https://idp", "rp", Clock.systemUTC()))
                .expectErrorMatches(e -> e instanceof UpstreamException u && u.oauthError().equals("access_denied"))
                .verify();
    }

    @Test
    void S_UP_01_validTokenPassesAndNoneHs256IssuerAudienceAndExpiryAreRefused() throws Exception {
        StepVerifier.create(UpstreamJwt.validate(es256(claims().build(), key), jwks, "https://idp", "rp",
                Clock.systemUTC())).assertNext(c -> assertThat(c.getSubject()).isEqualTo("s")).verifyComplete();
        refused(Base64URL.encode("{\"alg\":\"none\",\"kid\":\"p1\"}") + "." + Base64URL.encode(claims().build()
                .toString()) + ".");
        SignedJWT hs = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("p1").build(), claims().build());
        hs.sign(new MACSigner(key.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8)));
        refused(hs.serialize());
        refused(es256(claims().issuer("https://evil").build(), key));
        refused(es256(claims().audience("someone-else").build(), key));
        refused(es256(claims().expirationTime(Date.from(Instant.now().minusSeconds(120))).build(), key));
        ECKey impostor = new ECKeyGenerator(Curve.P_256).keyID("p1").generate();
        refused(es256(claims().build(), impostor));
    }

    @Test
    void S_AB_03_randomKidsCauseAtMostOneRefetchPerInterval() throws Exception {
        for (int i = 0; i < 5; i++) {
            ECKey random = new ECKeyGenerator(Curve.P_256).keyID("random-" + i).generate();
            refused(es256(claims().build(), random));
        }
        assertThat(fetches.get()).isEqualTo(1);
    }

    @Test
    void S_AB_03_concurrentRandomKidsStillRefetchOnceAndARotationIsPickedUpAfterTheInterval() throws Exception {
        SettableClock clock = new SettableClock(Instant.parse("2026-01-01T00:00:00Z"));
        jwks = new RemoteJwks(WebClient.create(), "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks",
                new UpstreamCalls("test", Duration.ofSeconds(20)), clock, Duration.ofSeconds(30));
        // forty tokens with random kids at once: one fetch
        java.util.List<reactor.core.publisher.Mono<Boolean>> attempts = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            attempts.add(jwks.key("random-" + i).map(k -> true).onErrorReturn(false)
                    .subscribeOn(reactor.core.scheduler.Schedulers.parallel()));
        }
        assertThat(reactor.core.publisher.Flux.merge(attempts).collectList().block()).containsOnly(false);
        assertThat(fetches.get()).isEqualTo(1);
        // the provider rotates: within the interval the new kid is refused without a fetch
        key = new ECKeyGenerator(Curve.P_256).keyID("p2").generate();
        clock.advance(Duration.ofSeconds(29));
        StepVerifier.create(jwks.key("p2")).expectError(UpstreamException.class).verify();
        assertThat(fetches.get()).isEqualTo(1);
        // after it, one refetch finds the new key, which is then served from the cache
        clock.advance(Duration.ofSeconds(2));
        StepVerifier.create(jwks.key("p2")).assertNext(k -> assertThat(k.getKeyID()).isEqualTo("p2"))
                .verifyComplete();
        StepVerifier.create(jwks.key("p2")).expectNextCount(1).verifyComplete();
        assertThat(fetches.get()).isEqualTo(2);
    }
}
