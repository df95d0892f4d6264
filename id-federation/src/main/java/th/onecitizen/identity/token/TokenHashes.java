package th.onecitizen.identity.token;

import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/** Token hashes of OIDC Core ({@code at_hash}, {@code c_hash}) for ES256: the left half of SHA-256, base64url. */
public final class TokenHashes {

    private TokenHashes() {
    }

    /** The {@code at_hash} of an access token. */
    public static String leftHalf(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return Base64URL.encode(Arrays.copyOf(hash, 16)).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
