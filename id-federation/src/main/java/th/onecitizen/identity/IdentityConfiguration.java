package th.onecitizen.identity;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import th.onecitizen.identity.dpop.DpopProofVerifier;
import th.onecitizen.identity.key.SigningKeys;
import th.onecitizen.identity.token.AccessTokenIssuer;
import th.onecitizen.identity.token.AccessTokenValidator;
import th.onecitizen.identity.token.AccessTokenVerifier;
import th.onecitizen.identity.token.RedisTokenRevocations;
import th.onecitizen.identity.token.TokenRevocations;
import th.onecitizen.platform.persistence.ModuleSchema;

/** Wires the identity module: its schema, keys and token services. */
@Configuration(proxyBeanMethods = false)
public class IdentityConfiguration {

    @Bean
    ModuleSchema identitySchema() {
        return new ModuleSchema("id-federation", "identity", "classpath:db/identity");
    }

    /** Not a bean: another module's Clock bean must not become ambiguous with ours. */
    private static final Clock CLOCK = Clock.systemUTC();

    @Bean
    SigningKeys signingKeys(IdentityProperties properties) {
        return SigningKeys.fromJwkSet(properties.signingKeys());
    }

    @Bean
    AccessTokenIssuer accessTokenIssuer(SigningKeys keys, IdentityProperties p) {
        return new AccessTokenIssuer(keys, p.issuer(), p.apiAudience(), p.accessTokenTtl(), CLOCK);
    }

    @Bean
    AccessTokenVerifier accessTokenVerifier(SigningKeys keys, IdentityProperties p) {
        return new AccessTokenVerifier(keys, p.issuer(), p.apiAudience(), CLOCK, p.verifiedTokenCacheSize());
    }

    @Bean
    TokenRevocations tokenRevocations(ReactiveStringRedisTemplate redis, IdentityProperties p) {
        return new RedisTokenRevocations(redis, CLOCK, p.accessTokenTtl().plusMinutes(1));
    }

    @Bean
    DpopProofVerifier dpopProofVerifier(ReactiveStringRedisTemplate redis) {
        return new DpopProofVerifier(redis, CLOCK);
    }

    @Bean
    AccessTokenValidator accessTokenValidator(AccessTokenVerifier verifier, TokenRevocations revocations) {
        return new AccessTokenValidator(verifier, revocations);
    }
}
