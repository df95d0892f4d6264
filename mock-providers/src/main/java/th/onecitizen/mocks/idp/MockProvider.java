package th.onecitizen.mocks.idp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import th.onecitizen.mocks.idp.MockHttp.Request;
import th.onecitizen.mocks.idp.MockHttp.Response;

/** One mock provider: its routes under its own path prefix, its scenario and its keys. */
abstract class MockProvider {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A route of this provider. */
    record Route(String method, String pathRegex, Function<Request, Response> handler) {
    }

    protected final String name;
    protected final MockSettings settings;
    private volatile Scenario scenario = Scenario.NORMAL;
    /** This provider's access tokens, or what they carry (self-contained: the mock keeps nothing per token). */
    protected final SealedGrants sealedTokens = new SealedGrants();
    /** How long a code is valid; codes never redeemed are forgotten after it. */
    static final Duration CODE_TTL = Duration.ofSeconds(60);
    private final AtomicReference<Instant> nextCodeSweep = new AtomicReference<>(Instant.MIN);

    MockProvider(String name, MockSettings settings) {
        this.name = name;
        this.settings = settings;
    }

    abstract Map<String, Route> routes();

    Scenario scenario() {
        return scenario;
    }

    void scenario(Scenario s) {
        this.scenario = s;
    }

    /** This provider's base URL (server base + "/" + name). */
    String base() {
        return settings.baseUrl() + "/" + name;
    }

    static String random() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** The provider's stable subject for a citizen: a hash, as real providers use their own opaque ids. */
    String subjectOf(String cid) {
        return HexFormat.of().formatHex(sha256((name + ":" + cid).getBytes(StandardCharsets.UTF_8)), 0, 16);
    }

    static byte[] sha256(byte[] in) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(in);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String s256(String verifier) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(sha256(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * Remembers a code until it is redeemed or has expired: codes a client never redeems are swept out, at most once
     * per {@link #CODE_TTL}, by the next code issued (the mock runs for days as a sandbox).
     */
    protected <G> void remember(Map<String, G> codes, String code, G grant, Function<G, Instant> issued) {
        Instant now = Instant.now();
        Instant sweep = nextCodeSweep.get();
        if (!now.isBefore(sweep) && nextCodeSweep.compareAndSet(sweep, now.plus(CODE_TTL))) {
            Instant oldest = now.minus(CODE_TTL);
            codes.values().removeIf(g -> issued.apply(g).isBefore(oldest));
        }
        codes.put(code, grant);
    }

    /** Whether a code issued at {@code issued} has expired. */
    static boolean expired(Instant issued) {
        return issued.isBefore(Instant.now().minus(CODE_TTL));
    }

    /** The citizen and the scopes an access token was issued for. */
    record TokenGrant(String cid, Set<String> scopes) {
    }

    /** An opaque access token for {@code cid} and {@code scopes}, valid for {@code seconds}. */
    protected String accessToken(int seconds, String cid, Set<String> scopes) {
        return sealedTokens.seal(Instant.now().plusSeconds(seconds), cid, String.join(" ", scopes));
    }

    /** What an access token of {@link #accessToken} was issued for; null when expired, altered or not this mock's. */
    protected TokenGrant tokenGrant(String bearer) {
        List<String> fields = sealedTokens.open(bearer, Instant.now());
        return fields == null ? null : new TokenGrant(fields.get(0), scopes(fields.get(1)));
    }

    /** Space-separated scopes as a set. */
    static Set<String> scopes(String spaceSeparated) {
        return Set.copyOf(Arrays.asList(spaceSeparated.split(" ")));
    }

    boolean clientOk(String clientId, String secret) {
        return settings.clientId().equals(clientId) && settings.clientSecret().equals(secret);
    }
}
