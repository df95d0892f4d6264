package th.onecitizen.identity.authorization;

import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import th.onecitizen.identity.assurance.Assurance;
import th.onecitizen.identity.citizen.CitizenIdProtector;
import th.onecitizen.identity.citizen.IdentityConflictException;
import th.onecitizen.identity.citizen.ProviderClaims;
import th.onecitizen.identity.citizen.R2dbcCitizens;
import th.onecitizen.identity.citizen.VerifiedIdentity;
import th.onecitizen.identity.token.TokenIds;
import th.onecitizen.identity.upstream.NdidClient;
import th.onecitizen.identity.upstream.UpstreamException;
import th.onecitizen.platform.privacy.CitizenIds;

/**
 * Decoupled logins through NDID, for the authorize flow (waiting page) and for CIBA. Each transaction gets its own
 * callback secret (in the callback URL path); callbacks are trusted only as a hint: a claimed completion is confirmed
 * with {@code GET /utility/requests/{id}} on our node before anything is issued (S-WH-05), and a transaction only
 * moves forward, once (S-WH-03).
 */
public final class NdidLogins {

    private static final Logger log = LoggerFactory.getLogger(NdidLogins.class);
    /** At most this many NDID requests per citizen ID per window (push bombing, S-AB-02). */
    static final int MAX_PER_HINT = 3;
    static final Duration HINT_WINDOW = Duration.ofMinutes(10);

    private final NdidClient ndid;
    private final RedisAuthorizationStore store;
    private final CitizenIdProtector protector;
    private final R2dbcCitizens citizens;
    private final String issuer;
    private final Duration ttl;
    private final Clock clock;

    public NdidLogins(NdidClient ndid, RedisAuthorizationStore store, CitizenIdProtector protector,
            R2dbcCitizens citizens, String issuer, Duration ttl, Clock clock) {
        this.ndid = ndid;
        this.store = store;
        this.protector = protector;
        this.citizens = citizens;
        this.issuer = issuer;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** Starts an NDID login for the authorize flow; completes with the transaction id of the waiting page. */
    public Mono<String> start(AuthorizationRequest request) {
        if (!CitizenIds.isValid(request.loginHint())) {
            return Mono.error(UpstreamException.denied("NDID needs a valid citizen ID as login_hint"));
        }
        return begin(request.clientId(), request, request.scopes(), request.loginHint(),
                "OneCitizen sign-in / เข้าสู่ระบบ OneCitizen").map(NdidTransaction::id);
    }

    /** Starts a CIBA request through NDID. */
    public Mono<NdidTransaction> startCiba(String clientId, Set<String> scopes, String citizenId, String message) {
        return begin(clientId, null, scopes, citizenId, message);
    }

    private Mono<NdidTransaction> begin(String clientId, AuthorizationRequest request, Set<String> scopes,
            String citizenId, String message) {
        if (ndid == null) {
            return Mono.error(UpstreamException.unavailable("NDID is not configured"));
        }
        String hintKey = "ndid:hint:" + HexFormat.of().formatHex(protector.hash("ndid-hint:" + citizenId));
        String secret = TokenIds.random();
        long now = clock.instant().getEpochSecond();
        NdidTransaction tx = new NdidTransaction(TokenIds.random(), clientId, request, scopes,
                Base64.getEncoder().encodeToString(protector.seal(citizenId)), TokenIds.random(), null, "pending",
                null, null, null, 0, now + ttl.toSeconds(), 0);
        return store.increment(hintKey, HINT_WINDOW).flatMap(n -> {
            if (n > MAX_PER_HINT) {
                return Mono.error(new OAuthException("access_denied",
                        "Too many login requests for this citizen; try again later", 429, HINT_WINDOW.toSeconds()));
            }
            return store.put("ndid:tx:" + tx.id(), tx, ttl.plusMinutes(1))
                    .then(store.put("ndid:cb:" + RedisAuthorizationStore.hash(secret), tx.id(), ttl.plusMinutes(10)))
                    .then(ndid.create(citizenId, tx.referenceId(), issuer + "/oauth2/ndid/callback/" + secret,
                            message, ttl.toSeconds()))
                    .flatMap(requestId -> {
                        NdidTransaction started = tx.withRequestId(requestId);
                        return store.put("ndid:tx:" + tx.id(), started, ttl.plusMinutes(1)).thenReturn(started);
                    });
        });
    }

    /** The transaction, or empty. */
    public Mono<NdidTransaction> find(String id) {
        if (id == null || id.length() > 100) {
            return Mono.empty();
        }
        return store.get("ndid:tx:" + id, NdidTransaction.class);
    }

    /** Records a client poll (CIBA interval). */
    public Mono<Void> save(NdidTransaction tx) {
        return store.put("ndid:tx:" + tx.id(), tx, ttl.plusMinutes(1));
    }

    /** Takes a completed transaction once: whoever takes it issues the tokens. */
    public Mono<NdidTransaction> takeCompleted(NdidTransaction tx) {
        return store.putIfAbsent("ndid:issued:" + tx.id(), "1", ttl.plusMinutes(1))
                .flatMap(first -> first ? store.delete("ndid:tx:" + tx.id()).thenReturn(tx) : Mono.empty());
    }

    /**
     * The poll fallback: asks our node about a pending request (at most once a second per transaction), in case a
     * callback was lost or arrived before we knew the request id. Returns the transaction as it now stands.
     */
    public Mono<NdidTransaction> refresh(NdidTransaction tx) {
        if (!"pending".equals(tx.status()) || tx.requestId() == null) {
            return Mono.just(tx);
        }
        return store.putIfAbsent("ndid:poll:" + tx.id(), "1", Duration.ofSeconds(1)).flatMap(first -> {
            if (!first) {
                return Mono.just(tx);
            }
            return ndid.status(tx.requestId())
                    .flatMap(node -> act(tx, node))
                    .onErrorResume(UpstreamException.class, e -> Mono.empty())
                    .then(find(tx.id()))
                    .defaultIfEmpty(tx);
        });
    }

    /**
     * Handles a callback from our NDID node.
     *
     * @return false when the secret is unknown (answer 401, nothing changes); true otherwise (204)
     */
    @SuppressWarnings("unchecked")
    public Mono<Boolean> callback(String secret, Map<String, Object> body) {
        if (secret == null || secret.length() != 43) {
            return Mono.just(false);
        }
        return store.get("ndid:cb:" + RedisAuthorizationStore.hash(secret), String.class)
                .flatMap(txId -> find(txId).flatMap(tx -> handle(tx, body)).thenReturn(true))
                .defaultIfEmpty(false);
    }

    private Mono<Void> handle(NdidTransaction tx, Map<String, Object> body) {
        Object requestId = body.get("request_id");
        Object referenceId = body.get("reference_id");
        if (tx.requestId() == null || !tx.requestId().equals(requestId)
                || (referenceId != null && !tx.referenceId().equals(referenceId))
                || !"pending".equals(tx.status()) || !"request_status".equals(body.get("type"))) {
            // another transaction's request, an early or late message, or not a status change: ignored (S-WH-02/03)
            return Mono.empty();
        }
        // a callback is only a hint: what counts is our node's own view of the request (S-WH-05)
        return ndid.status(tx.requestId())
                .flatMap(node -> act(tx, node))
                .onErrorResume(UpstreamException.class, e -> Mono.empty());
    }

    private Mono<Void> act(NdidTransaction tx, Map<String, Object> node) {
        String status = String.valueOf(node.get("status"));
        if (Boolean.TRUE.equals(node.get("timed_out"))) {
            return finish(tx, Mono.just(tx.failed("expired_token")));
        }
        if (status.equals("rejected") || status.equals("complicated") || status.equals("errored")) {
            return finish(tx, Mono.just(tx.failed("access_denied")));
        }
        if (!status.equals("completed")) {
            return Mono.empty();
        }
        return finish(tx, confirm(tx, node));
    }

    private Mono<NdidTransaction> confirm(NdidTransaction tx, Map<String, Object> node) {
        if (!"completed".equals(node.get("status")) || Boolean.TRUE.equals(node.get("timed_out"))
                || !(node.get("response_list") instanceof List<?> responses)) {
            return Mono.just(tx.failed("access_denied"));
        }
        Assurance min = new Assurance(ndid.minIal(), ndid.minAal());
        Assurance reached = null;
        for (Object o : responses) {
            if (!(o instanceof Map<?, ?> r) || !"accept".equals(r.get("status"))) {
                continue;
            }
            var ial = Assurance.normaliseIal(r.get("ial"));
            var aal = Assurance.normaliseAal(r.get("aal"));
            if (!Boolean.TRUE.equals(r.get("valid_signature")) || !Boolean.TRUE.equals(r.get("valid_ial"))
                    || ial.isEmpty() || aal.isEmpty()) {
                continue;
            }
            Assurance a = new Assurance(ial.get(), aal.get());
            if (a.satisfies(min)) {
                reached = reached == null ? a : reached.min(a);
            }
        }
        if (reached == null) {
            // below min_ial/min_aal or unsigned answers (S-WH-04)
            return Mono.just(tx.failed("access_denied"));
        }
        String cid = protector.open(Base64.getDecoder().decode(tx.sealedCid()));
        VerifiedIdentity identity = new VerifiedIdentity("ndid", cid, cid, true, reached,
                new ProviderClaims(null, null, null));
        Assurance acr = reached;
        return citizens.login(identity)
                .map(citizenId -> tx.completed(citizenId, acr.acr(), clock.instant().getEpochSecond()))
                .onErrorResume(IdentityConflictException.class, e -> Mono.just(tx.failed("access_denied")));
    }

    private Mono<Void> finish(NdidTransaction tx, Mono<NdidTransaction> outcome) {
        return store.putIfAbsent("ndid:final:" + tx.id(), "1", ttl.plusMinutes(1)).flatMap(first -> {
            if (!first) {
                return Mono.empty();
            }
            return outcome.flatMap(done -> {
                log.debug("NDID transaction {} is {}", tx.id(), done.status());
                return save(done);
            });
        });
    }
}
