package th.onecitizen.bff.security;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/** Access tokens an attacker could make: wrong algorithms, foreign keys, wrong claims. */
final class ForgedTokens {

    private ForgedTokens() {
    }

    static JWTClaimsSet.Builder claims(String issuer, String audience) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuer).audience(audience).subject("victim")
                .claim("client_id", "superapp").claim("scope", "openid").claim("acr", "urn:th:ial:3:aal:3")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .jwtID(UUID.randomUUID().toString());
    }

    static ECKey attackerKey(String kid) throws Exception {
        return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
    }

    static String signed(JWSHeader header, JWTClaimsSet claims, ECKey key) throws Exception {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    static JWSHeader.Builder es256(String kid) {
        return new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("at+jwt")).keyID(kid);
    }

    static String unsigned(JWTClaimsSet claims) {
        String header = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"at+jwt\"}".getBytes(StandardCharsets.UTF_8))
                .toString();
        return header + "." + Base64URL.encode(claims.toString().getBytes(StandardCharsets.UTF_8)) + ".";
    }

    /** HS256 keyed with the bytes of our public JWK, the classic algorithm-confusion attack. */
    static String hs256WithPublicKey(JWTClaimsSet claims, String kid, byte[] publicKeyBytes) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("at+jwt"))
                .keyID(kid).build(), claims);
        byte[] secret = publicKeyBytes.length >= 32 ? publicKeyBytes : java.util.Arrays.copyOf(publicKeyBytes, 32);
        jwt.sign(new MACSigner(secret));
        return jwt.serialize();
    }

    /** An ES256 token whose signature is r = s = 0 (CVE-2022-21449, "psychic signatures"). */
    static String zeroSignature(JWTClaimsSet claims, String kid) throws Exception {
        JWSHeader header = es256(kid).build();
        String signingInput = header.toBase64URL() + "." + Base64URL.encode(claims.toString()
                .getBytes(StandardCharsets.UTF_8));
        return signingInput + "." + Base64URL.encode(new byte[64]);
    }
}
