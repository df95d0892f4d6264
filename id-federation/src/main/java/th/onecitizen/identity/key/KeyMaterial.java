package th.onecitizen.identity.key;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Symmetric keys from configuration: base64 or base64url material of at least 32 bytes, reduced to a 256-bit key by
 * SHA-256 under a label of its own use, so that one secret given for two uses by mistake still yields two keys.
 */
public final class KeyMaterial {

    private KeyMaterial() {
    }

    /**
     * @param material the configured value (base64 or base64url, padding optional)
     * @param label    the use, mixed into the derivation
     * @param name     the setting's name in error messages (never the value)
     * @return the 32-byte key
     */
    public static byte[] derive(String material, String label, String name) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(material.replace('+', '-').replace('/', '_').replace("=", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " is not base64url");
        }
        if (raw.length < 32) {
            throw new IllegalArgumentException(name + " must hold at least 32 bytes");
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(label.getBytes(StandardCharsets.US_ASCII));
            return sha.digest(raw);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
