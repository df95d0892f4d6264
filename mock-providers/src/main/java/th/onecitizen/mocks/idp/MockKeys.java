package th.onecitizen.mocks.idp;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.util.Map;

/** A provider's own ES256 key, and an impostor key with the same kid for the bad-signature scenario. */
final class MockKeys {

    private final ECKey key;
    private final ECKey impostor;

    MockKeys(String kid) {
        try {
            this.key = new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
            this.impostor = new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    Map<String, Object> publicJwks() {
        return new JWKSet(key.toPublicJWK()).toJSONObject(true);
    }

    /** Whether {@code jwt} carries this provider's own signature (not the impostor's). */
    boolean verify(SignedJWT jwt) {
        try {
            return jwt.verify(new ECDSAVerifier(key.toECPublicKey()));
        } catch (JOSEException e) {
            return false;
        }
    }

    String sign(JWTClaimsSet claims, JOSEObjectType type, boolean badSignature) {
        ECKey signer = badSignature ? impostor : key;
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(signer.getKeyID()).type(type)
                .build(), claims);
        try {
            jwt.sign(new ECDSASigner(signer));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
