package th.onecitizen.consent.receipt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.Map;

/**
 * Signs consent receipts with OneCitizen's receipt key (ES256) and publishes the public half, so that anyone can
 * check a receipt against the published key set.
 */
public final class ReceiptSigner {

    /** The JOSE {@code typ} of a receipt, so that no other token can be mistaken for one. */
    public static final JOSEObjectType TYPE = new JOSEObjectType("consent-receipt+jwt");

    private final ECKey key;
    private final ECDSASigner signer;

    /** A signer for a private EC P-256 key given as a JWK (JSON), which must carry a {@code kid}. */
    public ReceiptSigner(String privateJwk) {
        try {
            this.key = ECKey.parse(privateJwk);
            if (!Curve.P_256.equals(key.getCurve()) || !key.isPrivate() || key.getKeyID() == null) {
                throw new IllegalArgumentException("the receipt signing key must be a private P-256 JWK with a kid");
            }
            this.signer = new ECDSASigner(key);
        } catch (ParseException | JOSEException e) {
            // the key's value must never reach a log or a message
            throw new IllegalArgumentException("the receipt signing key is not a valid EC JWK");
        }
    }

    /** Signs the claims as a compact JWS. */
    public String sign(JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(TYPE).keyID(key.getKeyID())
                .build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("signing a receipt failed", e);
        }
        return jwt.serialize();
    }

    /** The public JWK set (public members only) that verifies receipts. */
    public Map<String, Object> publicJwks() {
        return new JWKSet(key.toPublicJWK()).toJSONObject(true);
    }

    /** The claims of a receipt if its signature verifies with the published key, else an exception. */
    public JWTClaimsSet verify(String jws) {
        try {
            SignedJWT jwt = SignedJWT.parse(jws);
            if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())
                    || !key.getKeyID().equals(jwt.getHeader().getKeyID())
                    || !jwt.verify(new ECDSAVerifier(key.toPublicJWK()))) {
                throw new IllegalArgumentException("the receipt's signature does not verify");
            }
            return jwt.getJWTClaimsSet();
        } catch (ParseException | JOSEException e) {
            throw new IllegalArgumentException("not a consent receipt", e);
        }
    }
}
