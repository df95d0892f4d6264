package th.onecitizen.benchmarks;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import th.onecitizen.identity.key.SigningKeys;
import th.onecitizen.identity.token.AccessTokenIssuer;
import th.onecitizen.identity.token.AccessTokenRequest;
import th.onecitizen.identity.token.AccessTokenVerifier;
import th.onecitizen.identity.token.VerifiedAccessToken;

/**
 * Access-token validation per core: the raw ES256 signature check (the floor), OneCitizen's full verification of a
 * token not seen before (parse, header rules, signature, claims), and of a token already seen (the cache). Run:
 * {@code ./mvnw -B -o -q -pl benchmarks -am package -DskipTests && java -jar benchmarks/target/benchmarks.jar
 * AccessTokenValidation}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class AccessTokenValidationBenchmark {

    private ECDSAVerifier rawVerifier;
    private SignedJWT parsed;
    private String token;
    private AccessTokenVerifier verifier;

    @Setup
    public void setUp() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("bench-1").generate();
        SigningKeys keys = SigningKeys.fromJwkSet(new JWKSet(key).toString(false));
        AccessTokenIssuer issuer = new AccessTokenIssuer(keys, "https://as.example", "https://as.example/v1",
                Duration.ofHours(1), Clock.systemUTC());
        token = issuer.issue(new AccessTokenRequest("citizen-1", "superapp", Set.of("openid", "profile"),
                "urn:th:ial:2.3:aal:2.2", List.of("fed"), Instant.now(), "thaid", "grant-1", null, null)).value();
        verifier = new AccessTokenVerifier(keys, "https://as.example", "https://as.example/v1", Clock.systemUTC(),
                100_000);
        rawVerifier = new ECDSAVerifier(key.toECPublicKey());
        parsed = SignedJWT.parse(token);
    }

    /** The floor: one ES256 signature verification of an already parsed token. */
    @Benchmark
    public boolean rawEs256Verify() throws Exception {
        return rawVerifier.verify(parsed.getHeader(), parsed.getSigningInput(), parsed.getSignature());
    }

    /** Full verification of a token not seen before. */
    @Benchmark
    public VerifiedAccessToken verifyUnseenToken() {
        return verifier.verifyUncached(token, Instant.now());
    }

    /** Verification of a token already seen: a cache hit that still honours expiry. */
    @Benchmark
    public VerifiedAccessToken verifySeenToken() {
        return verifier.verify(token);
    }
}
