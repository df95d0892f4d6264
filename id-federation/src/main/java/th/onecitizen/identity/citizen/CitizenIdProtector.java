package th.onecitizen.identity.citizen;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import th.onecitizen.identity.key.KeyMaterial;

/**
 * Protects citizen ID numbers at rest: an HMAC-SHA256 keyed hash for look-up (equal IDs, equal hashes; useless
 * without the key) and AES-256-GCM for display. Tampered ciphertext fails closed (S-TK-07). Keys are base64url
 * material of at least 32 bytes; each is reduced to 256 bits with SHA-256 under its own label.
 */
public final class CitizenIdProtector {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKeySpec hmacKey;
    private final SecretKeySpec aesKey;

    public CitizenIdProtector(String hmacMaterial, String encryptionMaterial) {
        this.hmacKey = new SecretKeySpec(KeyMaterial.derive(hmacMaterial, "hmac", "Citizen ID key (hmac)"),
                "HmacSHA256");
        this.aesKey = new SecretKeySpec(KeyMaterial.derive(encryptionMaterial, "aes", "Citizen ID key (aes)"), "AES");
    }

    /** The keyed hash used to find a citizen by ID. */
    public byte[] lookupHash(String citizenId) {
        return hmac("cid:" + citizenId);
    }

    /** A keyed hash of any other identifier (provider subjects), so no raw identifier is stored. */
    public byte[] hash(String value) {
        return hmac(value);
    }

    private byte[] hmac(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hmacKey);
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 12-byte random nonce followed by the AES-GCM ciphertext and tag. */
    public byte[] seal(String citizenId) {
        byte[] iv = new byte[12];
        RANDOM.nextBytes(iv);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, aesKey, new GCMParameterSpec(128, iv));
            byte[] ct = c.doFinal(citizenId.getBytes(StandardCharsets.US_ASCII));
            return ByteBuffer.allocate(12 + ct.length).put(iv).put(ct).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Decrypts what {@link #seal} produced.
     *
     * @throws IllegalArgumentException when the ciphertext or tag was tampered with
     */
    public String open(byte[] sealed) {
        if (sealed == null || sealed.length < 12 + 16) {
            throw new IllegalArgumentException("Sealed citizen ID is malformed");
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, aesKey, new GCMParameterSpec(128, sealed, 0, 12));
            return new String(c.doFinal(sealed, 12, sealed.length - 12), StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Sealed citizen ID failed authentication");
        }
    }
}
