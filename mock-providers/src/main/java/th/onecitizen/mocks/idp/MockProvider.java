package th.onecitizen.mocks.idp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
    protected final Map<String, Long> usedCodes = new ConcurrentHashMap<>();

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

    boolean clientOk(String clientId, String secret) {
        return settings.clientId().equals(clientId) && settings.clientSecret().equals(secret);
    }
}
