package th.onecitizen.identity.key;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OneCitizen's own ES256 (P-256) signing keys. The first key of the configured set signs; every key verifies, so a
 * rotated-out key keeps verifying the tokens it signed until they expire (rotation = prepend a new key, drop the old
 * one after the longest token lifetime).
 */
public final class SigningKeys {

    private final ECKey current;
    private final ECDSASigner signer;
    private final Map<String, ECDSAVerifier> verifiers;
    private final Map<String, Object> publicJwks;

    private SigningKeys(List<ECKey> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("onecitizen.identity.signing-keys holds no key");
        }
        Map<String, ECDSAVerifier> byKid = new LinkedHashMap<>();
        List<JWK> publics = new ArrayList<>();
        try {
            for (ECKey key : keys) {
                if (byKid.containsKey(key.getKeyID())) {
                    throw new IllegalArgumentException("Duplicate signing key id " + key.getKeyID());
                }
                byKid.put(key.getKeyID(), new ECDSAVerifier(key.toECPublicKey()));
                publics.add(key.toPublicJWK());
            }
            this.current = keys.get(0);
            this.signer = new ECDSASigner(current);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("A signing key is not a usable P-256 key", e);
        }
        this.verifiers = Collections.unmodifiableMap(byKid);
        // toPublicJWK drops d: the published set can never carry a private member (S-TK-07)
        this.publicJwks = new JWKSet(publics).toJSONObject(true);
    }

    /**
     * Parses a JWK set in JSON. Every key must be a private EC P-256 key with a key id, meant for signatures.
     *
     * @throws IllegalArgumentException naming the problem, never the key material
     */
    public static SigningKeys fromJwkSet(String json) {
        if (json == null || json.isBlank()) {
            throw new IllegalArgumentException("onecitizen.identity.signing-keys is required (a JWK set in JSON)");
        }
        JWKSet set;
        try {
            set = JWKSet.parse(json);
        } catch (ParseException e) {
            throw new IllegalArgumentException("onecitizen.identity.signing-keys is not a valid JWK set");
        }
        List<ECKey> keys = new ArrayList<>();
        for (JWK jwk : set.getKeys()) {
            if (!(jwk instanceof ECKey ec) || !Curve.P_256.equals(ec.getCurve()) || !ec.isPrivate()) {
                throw new IllegalArgumentException("Every signing key must be a private EC P-256 key");
            }
            if (ec.getKeyID() == null || ec.getKeyID().isBlank()) {
                throw new IllegalArgumentException("Every signing key needs a kid");
            }
            if (ec.getAlgorithm() != null && !JWSAlgorithm.ES256.equals(ec.getAlgorithm())) {
                throw new IllegalArgumentException("Signing key " + ec.getKeyID() + " is not for ES256");
            }
            keys.add(ec);
        }
        return new SigningKeys(keys);
    }

    /** The key id of the key that signs new tokens. */
    public String currentKeyId() {
        return current.getKeyID();
    }

    /** The signer of the current key (thread-safe). */
    public ECDSASigner signer() {
        return signer;
    }

    /** The verifier for a key id, or null when the id is not one of ours. */
    public ECDSAVerifier verifier(String keyId) {
        return keyId == null ? null : verifiers.get(keyId);
    }

    /** The public JWK set as a JSON object: public members only. */
    public Map<String, Object> publicJwks() {
        return publicJwks;
    }
}
