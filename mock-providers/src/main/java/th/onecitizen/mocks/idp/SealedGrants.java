package th.onecitizen.mocks.idp;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A mock provider's opaque access tokens, self-contained: what the provider needs of a grant while its token is
 * valid (the citizen, the scopes) and the token's expiry, sealed with AES-256-GCM under a key generated when the mock
 * starts. The mock then keeps nothing per token. Before, each mock remembered every token it issued, for ever: the
 * sandbox grew without bound, and in the demo (the mocks in OneCitizen's JVM) every login left an object that lived
 * long enough to be copied by each young collection. A token that is expired, altered, or from an earlier start of
 * the mock is refused, as a real provider refuses it.
 */
final class SealedGrants {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Between the expiry and the fields, each URL-encoded (so that none holds it). */
    private static final String SEPARATOR = " ";

    private final SecretKey key;

    SealedGrants() {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        this.key = new SecretKeySpec(raw, "AES");
    }

    /** A token holding {@code fields} until {@code expiry}. */
    String seal(Instant expiry, String... fields) {
        StringBuilder plain = new StringBuilder().append(expiry.getEpochSecond());
        for (String field : fields) {
            plain.append(SEPARATOR).append(URLEncoder.encode(field, StandardCharsets.UTF_8));
        }
        byte[] iv = new byte[12];
        RANDOM.nextBytes(iv);
        byte[] sealed = gcm(Cipher.ENCRYPT_MODE, iv, plain.toString().getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
    }

    /** The fields of a token still valid at {@code now}; null for a token expired, altered or not this mock's. */
    List<String> open(String token, Instant now) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(token == null ? "" : token);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (raw.length < 12 + 16) {
            return null;
        }
        byte[] plain;
        try {
            plain = gcm(Cipher.DECRYPT_MODE, Arrays.copyOf(raw, 12), Arrays.copyOfRange(raw, 12, raw.length));
        } catch (IllegalStateException e) {
            return null;
        }
        String[] parts = new String(plain, StandardCharsets.UTF_8).split(SEPARATOR, -1);
        if (Long.parseLong(parts[0]) <= now.getEpochSecond()) {
            return null;
        }
        return Arrays.stream(parts).skip(1).map(f -> URLDecoder.decode(f, StandardCharsets.UTF_8)).toList();
    }

    private byte[] gcm(int mode, byte[] iv, byte[] input) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(mode, key, new GCMParameterSpec(128, iv));
            return c.doFinal(input);
        } catch (GeneralSecurityException e) {
            // a tag that does not verify (altered, or another key) included
            throw new IllegalStateException("not sealed by this mock", e);
        }
    }
}
