package th.onecitizen.identity.token;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable identifiers and opaque token values: 256 bits from a CSPRNG, base64url. */
public final class TokenIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenIds() {
    }

    /** A fresh 43-character random value. */
    public static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
