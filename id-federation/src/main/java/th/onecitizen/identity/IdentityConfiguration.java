package th.onecitizen.identity;

import java.time.Clock;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import th.onecitizen.identity.authorization.AuthorizationServer;
import th.onecitizen.identity.authorization.IdTokenIssuer;
import th.onecitizen.identity.authorization.NdidLogins;
import th.onecitizen.identity.authorization.R2dbcRefreshTokens;
import th.onecitizen.identity.authorization.RedisAuthorizationStore;
import th.onecitizen.identity.authorization.TokenService;
import th.onecitizen.identity.citizen.CitizenIdProtector;
import th.onecitizen.identity.citizen.R2dbcCitizens;
import th.onecitizen.identity.client.ClientAuthenticator;
import th.onecitizen.identity.client.CachedClientRegistry;
import th.onecitizen.identity.client.ClientRegistry;
import th.onecitizen.identity.client.R2dbcClientRegistry;
import th.onecitizen.identity.client.RegisteredClient;
import th.onecitizen.identity.dpop.DpopProofVerifier;
import th.onecitizen.identity.key.SigningKeys;
import th.onecitizen.identity.token.AccessTokenIssuer;
import th.onecitizen.identity.token.AccessTokenValidator;
import th.onecitizen.identity.token.AccessTokenVerifier;
import th.onecitizen.identity.token.RedisTokenRevocations;
import th.onecitizen.identity.token.TokenRevocations;
import th.onecitizen.identity.upstream.IdentityProviders;
import th.onecitizen.identity.upstream.NdidClient;
import th.onecitizen.identity.vault.R2dbcSubjectKeys;
import th.onecitizen.platform.privacy.SubjectKeys;
import th.onecitizen.platform.persistence.ModuleSchema;

/** Wires the identity module: its schema, keys, tokens, clients, citizens, providers and the authorization server. */
@Configuration(proxyBeanMethods = false)
public class IdentityConfiguration {

    /** Not a bean: another module's Clock bean must not become ambiguous with ours. */
    private static final Clock CLOCK = Clock.systemUTC();

    @Bean
    ModuleSchema identitySchema() {
        return new ModuleSchema("id-federation", "identity", "classpath:db/identity");
    }

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

    @Bean
    CitizenIdProtector citizenIdProtector(IdentityProperties p) {
        return new CitizenIdProtector(p.citizenIdHmacKey(), p.citizenIdEncryptionKey());
    }

    /**
     * The key store of crypto-shredding, a schema of its own apart from identity's tables. In production it belongs
     * in a separate database (or Vault transit) whose backups are short-lived; here it shares the connection.
     */
    @Bean
    ModuleSchema keyvaultSchema() {
        return new ModuleSchema("id-federation", "keyvault", "classpath:db/keyvault");
    }

    @Bean
    SubjectKeys subjectKeys(DatabaseClient db, IdentityProperties p) {
        return new R2dbcSubjectKeys(db, p.subjectKeyEncryptionKey(), CLOCK, p.subjectKeyCacheTtl(), 100_000);
    }

    @Bean
    R2dbcCitizens citizens(DatabaseClient db, ReactiveTransactionManager tm, CitizenIdProtector protector,
            SubjectKeys keys) {
        return new R2dbcCitizens(db, TransactionalOperator.create(tm), protector, keys);
    }

    /**
     * After a restore, the citizens erased since the backup was taken must not come back: their erasures are
     * re-applied from the key store's journal at start-up, before the server takes requests.
     */
    @Bean
    SmartInitializingSingleton identityErasuresReapplied(R2dbcCitizens citizens) {
        return () -> citizens.reapplyErasures().block(java.time.Duration.ofSeconds(60));
    }

    /** Client registrations in PostgreSQL, read through a 30-second cache on the token path. */
    @Bean
    ClientRegistry clientRegistry(DatabaseClient db) {
        return new CachedClientRegistry(new R2dbcClientRegistry(db), java.time.Duration.ofSeconds(30), 10_000, CLOCK);
    }

    /** Upserts the configured client registrations at start-up, before the server takes requests. */
    @Bean
    SmartInitializingSingleton identityClientSeeds(ClientRegistry registry, IdentityProperties p) {
        return () -> Flux.fromIterable(p.clients()).map(seed -> new RegisteredClient(seed.clientId(), seed.name(),
                seed.authMethod(), seed.secret() == null ? null : ClientAuthenticator.sha256Hex(seed.secret()),
                seed.jwks(), seed.redirectUris(), seed.postLogoutRedirectUris(),
                new java.util.LinkedHashSet<>(seed.grantTypes()), new java.util.LinkedHashSet<>(seed.scopes()),
                seed.nativeApp(), seed.agencyId()))
                .concatMap(registry::save).blockLast(java.time.Duration.ofSeconds(30));
    }

    @Bean
    ClientAuthenticator clientAuthenticator(ClientRegistry registry, ReactiveStringRedisTemplate redis,
            IdentityProperties p) {
        return new ClientAuthenticator(registry, redis, p.issuer(), CLOCK);
    }

    /**
     * The HTTP client for upstream providers: connect timeout here, per-call timeouts in each provider's guard,
     * responses capped so that a provider cannot make us buffer without bound.
     */
    static WebClient.Builder upstreamWebClient(
            org.springframework.beans.factory.ObjectProvider<io.micrometer.observation.ObservationRegistry> o) {
        reactor.netty.http.client.HttpClient http = reactor.netty.http.client.HttpClient.create()
                .option(io.netty.channel.ChannelOption.CONNECT_TIMEOUT_MILLIS, 3000)
                .followRedirect(false);
        return WebClient.builder()
                .clientConnector(new org.springframework.http.client.reactive.ReactorClientHttpConnector(http))
                .codecs(c -> c.defaultCodecs().maxInMemorySize(256 * 1024))
                // observed by URI template only: the NDID node's path holds the citizen ID (S-PV-02)
                .observationRegistry(o.getIfAvailable(() -> io.micrometer.observation.ObservationRegistry.NOOP))
                .observationConvention(new th.onecitizen.identity.upstream.TemplatedUrlConvention());
    }

    @Bean
    IdentityProviders identityProviders(IdentityProperties p,
            org.springframework.beans.factory.ObjectProvider<io.micrometer.observation.ObservationRegistry> o) {
        return new IdentityProviders(p, upstreamWebClient(o), CLOCK);
    }

    @Bean
    RedisAuthorizationStore authorizationStore(ReactiveStringRedisTemplate redis, IdentityProperties p) {
        return new RedisAuthorizationStore(redis, p.upstreamTransactionTtl(), p.codeTtl());
    }

    @Bean
    R2dbcRefreshTokens refreshTokens(DatabaseClient db, IdentityProperties p) {
        return new R2dbcRefreshTokens(db, p.refreshTokenKey());
    }

    @Bean
    IdTokenIssuer idTokenIssuer(SigningKeys keys, IdentityProperties p) {
        return new IdTokenIssuer(keys, p.issuer(), CLOCK);
    }

    @Bean
    NdidLogins ndidLogins(IdentityProperties p, RedisAuthorizationStore store,
            CitizenIdProtector protector, R2dbcCitizens citizens,
            org.springframework.beans.factory.ObjectProvider<io.micrometer.observation.ObservationRegistry> o) {
        NdidClient client = p.providers().values().stream()
                .filter(s -> "ndid".equals(s.type()) && s.enabled()).findFirst()
                .map(s -> new NdidClient(s, upstreamWebClient(o), CLOCK)).orElse(null);
        return new NdidLogins(client, store, protector, citizens, p.issuer(), p.cibaTtl(), CLOCK);
    }

    @Bean
    AuthorizationServer authorizationServer(ClientRegistry clients, IdentityProviders providers,
            RedisAuthorizationStore store, R2dbcCitizens citizens, NdidLogins ndid, IdentityProperties p) {
        return new AuthorizationServer(clients, providers, store, citizens, ndid, p.issuer(), CLOCK);
    }

    @Bean
    th.onecitizen.identity.authorization.GuessingThrottle guessingThrottle(RedisAuthorizationStore store,
            IdentityProperties p) {
        return new th.onecitizen.identity.authorization.GuessingThrottle(store, p.guessingLimit(),
                p.publicGuessingLimit(), java.time.Duration.ofMinutes(1));
    }

    @Bean
    th.onecitizen.identity.authorization.AuthorizeRateLimit authorizeRateLimit(RedisAuthorizationStore store,
            IdentityProperties p) {
        return new th.onecitizen.identity.authorization.AuthorizeRateLimit(store, p.authorizeRateLimit(),
                java.time.Duration.ofMinutes(1), new java.util.HashSet<>(p.authorizeRateLimitExempt()));
    }

    @Bean
    TokenService tokenService(ClientAuthenticator authenticator, RedisAuthorizationStore store,
            R2dbcRefreshTokens refreshTokens, AccessTokenIssuer issuer, AccessTokenValidator validator,
            IdTokenIssuer idTokens, DpopProofVerifier dpop, NdidLogins ndid, IdentityProperties p) {
        return new TokenService(authenticator, store, refreshTokens, issuer, validator, idTokens, dpop, ndid,
                p.issuer(), p.refreshTokenTtl(), p.cibaInterval(), CLOCK);
    }
}
