package th.onecitizen.identity.citizen;

import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import th.onecitizen.identity.assurance.Assurance;
import th.onecitizen.platform.privacy.CitizenIds;
import tools.jackson.databind.json.JsonMapper;

/**
 * Citizens and their provider links in PostgreSQL. Each use case is one transaction with no remote call in it;
 * a refused merge is audited after its transaction rolls back, so the audit survives.
 */
public final class R2dbcCitizens implements CitizenDirectory {

    /** Below this IAL a provider's citizen ID neither creates a citizen nor links to one (S-UP-05). */
    static final Assurance MIN_LINKING = new Assurance("2.1", "1");
    private static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final CitizenIdProtector protector;

    public R2dbcCitizens(DatabaseClient db, TransactionalOperator tx, CitizenIdProtector protector) {
        this.db = db;
        this.tx = tx;
        this.protector = protector;
    }

    private record Link(String citizenId, byte[] cidHmac) {
    }

    /**
     * Resolves a provider login to a citizen: the linked citizen, or a citizen found by the verified ID (auto-link),
     * or a new citizen. Refuses with {@link IdentityConflictException} anything that would merge or move identities.
     */
    public Mono<String> login(VerifiedIdentity identity) {
        byte[] cidHash = protector.lookupHash(identity.citizenId());
        byte[] subjectHash = protector.hash(identity.provider() + ":" + identity.subject());
        Mono<String> useCase = findLink(identity.provider(), subjectHash).flatMap(link -> {
            if (!Arrays.equals(link.cidHmac(), cidHash)) {
                return Mono.<String>error(new IdentityConflictException("citizen_id_changed",
                        "The provider now asserts another citizen ID for this account"));
            }
            return touch(identity, subjectHash).thenReturn(link.citizenId());
        }).switchIfEmpty(Mono.defer(() -> {
            if (!identity.verified() || !identity.assurance().satisfies(MIN_LINKING)) {
                return Mono.error(new IdentityConflictException("link_requires_verification",
                        "This provider's citizen ID is not verified well enough to sign in"));
            }
            return findCitizen(cidHash)
                    .switchIfEmpty(Mono.defer(() -> createCitizen(identity.citizenId(), cidHash)))
                    .flatMap(citizenId -> insertLink(citizenId, identity, subjectHash, cidHash)
                            .thenReturn(citizenId));
        }));
        return audited(tx.transactional(useCase), identity.provider(), null);
    }

    /** Links another provider to a signed-in citizen; the provider must vouch for the same citizen ID. */
    public Mono<Void> link(String citizenId, VerifiedIdentity identity) {
        byte[] cidHash = protector.lookupHash(identity.citizenId());
        byte[] subjectHash = protector.hash(identity.provider() + ":" + identity.subject());
        Mono<Void> useCase = db.sql("SELECT cid_hmac FROM identity.citizens WHERE id = :id").bind("id", citizenId)
                .map(r -> r.get("cid_hmac", byte[].class)).one()
                .switchIfEmpty(Mono.error(new IdentityConflictException("unknown_citizen", "Unknown citizen")))
                .flatMap(own -> {
                    if (!Arrays.equals(own, cidHash)) {
                        return Mono.error(new IdentityConflictException("citizen_id_mismatch",
                                "The provider vouched for another person"));
                    }
                    if (!identity.verified() || !identity.assurance().satisfies(MIN_LINKING)) {
                        return Mono.error(new IdentityConflictException("link_requires_verification",
                                "This provider's citizen ID is not verified well enough to link"));
                    }
                    return findLink(identity.provider(), subjectHash)
                            .flatMap(existing -> existing.citizenId().equals(citizenId)
                                    ? touch(identity, subjectHash)
                                    : Mono.error(new IdentityConflictException("provider_account_linked_elsewhere",
                                            "This provider account belongs to another citizen")))
                            .switchIfEmpty(Mono.defer(() -> insertLink(citizenId, identity, subjectHash, cidHash)));
                });
        return audited(tx.transactional(useCase), identity.provider(), citizenId)
                .then(audit("link", citizenId, identity.provider(), "provider linked"));
    }

    /** Removes a provider link, unless it is the citizen's last. */
    public Mono<Void> unlink(String citizenId, String provider) {
        Mono<Void> useCase = db.sql("SELECT provider FROM identity.links WHERE citizen_id = :id FOR UPDATE")
                .bind("id", citizenId).map(r -> r.get("provider", String.class)).all().collectList()
                .flatMap(providers -> {
                    if (!providers.contains(provider)) {
                        return Mono.error(new IdentityConflictException("not_linked", "This provider is not linked"));
                    }
                    if (providers.size() == 1) {
                        return Mono.error(new IdentityConflictException("last_link",
                                "The last linked provider cannot be removed"));
                    }
                    return db.sql("DELETE FROM identity.links WHERE citizen_id = :id AND provider = :p")
                            .bind("id", citizenId).bind("p", provider).then();
                });
        return tx.transactional(useCase).then(audit("unlink", citizenId, provider, "provider unlinked"));
    }

    @Override
    public Mono<CitizenProfile> profile(String citizenId) {
        if (citizenId == null || citizenId.length() > 64) {
            return Mono.empty();
        }
        Mono<byte[]> sealed = db.sql("SELECT cid_sealed FROM identity.citizens WHERE id = :id")
                .bind("id", citizenId).map(r -> r.get("cid_sealed", byte[].class)).one();
        return sealed.flatMap(s -> db.sql("SELECT * FROM identity.links WHERE citizen_id = :id ORDER BY linked_at")
                .bind("id", citizenId).map(R2dbcCitizens::source).all().collectList()
                .map(sources -> profileOf(citizenId, protector.open(s), sources)));
    }

    private static CitizenProfile profileOf(String citizenId, String cid, List<CitizenProfile.Source> sources) {
        // the most assured provider that asserted a value wins
        List<CitizenProfile.Source> byAssurance = sources.stream()
                .sorted(Comparator.comparingInt((CitizenProfile.Source s) -> Assurance.IALS.indexOf(s.ial()))
                        .reversed()).toList();
        String nameTh = byAssurance.stream().map(s -> s.claims().nameTh()).filter(v -> v != null).findFirst()
                .orElse(null);
        String nameEn = byAssurance.stream().map(s -> s.claims().nameEn()).filter(v -> v != null).findFirst()
                .orElse(null);
        var birth = byAssurance.stream().map(s -> s.claims().birthDate()).filter(v -> v != null).findFirst()
                .orElse(null);
        return new CitizenProfile(citizenId, nameTh, nameEn, birth, CitizenIds.mask(cid), sources);
    }

    private static CitizenProfile.Source source(Readable r) {
        return new CitizenProfile.Source(r.get("provider", String.class), r.get("ial", String.class),
                r.get("aal", String.class), JSON.readValue(r.get("claims", String.class), ProviderClaims.class),
                String.valueOf(r.get("linked_at", OffsetDateTime.class)),
                String.valueOf(r.get("last_login_at", OffsetDateTime.class)));
    }

    private Mono<Link> findLink(String provider, byte[] subjectHash) {
        return db.sql("SELECT citizen_id, cid_hmac FROM identity.links WHERE provider = :p AND subject_hash = :s")
                .bind("p", provider).bind("s", subjectHash)
                .map(r -> new Link(r.get("citizen_id", String.class), r.get("cid_hmac", byte[].class))).one();
    }

    private Mono<String> findCitizen(byte[] cidHash) {
        return db.sql("SELECT id FROM identity.citizens WHERE cid_hmac = :h").bind("h", cidHash)
                .map(r -> r.get("id", String.class)).one();
    }

    private Mono<String> createCitizen(String citizenNumber, byte[] cidHash) {
        String id = UUID.randomUUID().toString();
        return db.sql("INSERT INTO identity.citizens (id, cid_hmac, cid_sealed) VALUES (:id, :h, :s)")
                .bind("id", id).bind("h", cidHash).bind("s", protector.seal(citizenNumber)).then().thenReturn(id);
    }

    private Mono<Void> insertLink(String citizenId, VerifiedIdentity identity, byte[] subjectHash, byte[] cidHash) {
        return db.sql("""
                INSERT INTO identity.links (provider, subject_hash, citizen_id, cid_hmac, claims, ial, aal)
                VALUES (:p, :s, :c, :h, :claims, :ial, :aal)
                """).bind("p", identity.provider()).bind("s", subjectHash).bind("c", citizenId).bind("h", cidHash)
                .bind("claims", JSON.writeValueAsString(identity.claims())).bind("ial", identity.assurance().ial())
                .bind("aal", identity.assurance().aal()).then()
                .onErrorMap(org.springframework.dao.DataIntegrityViolationException.class,
                        e -> new IdentityConflictException("provider_already_linked",
                                "The citizen already has another account of this provider linked"));
    }

    private Mono<Void> touch(VerifiedIdentity identity, byte[] subjectHash) {
        return db.sql("""
                UPDATE identity.links SET claims = :claims, ial = :ial, aal = :aal, last_login_at = now()
                WHERE provider = :p AND subject_hash = :s
                """).bind("claims", JSON.writeValueAsString(identity.claims())).bind("ial", identity.assurance().ial())
                .bind("aal", identity.assurance().aal()).bind("p", identity.provider()).bind("s", subjectHash).then();
    }

    private <T> Mono<T> audited(Mono<T> useCase, String provider, String citizenId) {
        return useCase.onErrorResume(IdentityConflictException.class, e -> audit("conflict:" + e.reason(),
                citizenId, provider, e.getMessage()).then(Mono.error(e)));
    }

    /** Records a security-relevant identity event (never a citizen ID). */
    public Mono<Void> audit(String event, String citizenId, String provider, String detail) {
        var spec = db.sql("INSERT INTO identity.audit_events (event, citizen_id, provider, detail) "
                + "VALUES (:e, :c, :p, :d)").bind("e", event).bind("d", detail);
        spec = citizenId == null ? spec.bindNull("c", String.class) : spec.bind("c", citizenId);
        spec = provider == null ? spec.bindNull("p", String.class) : spec.bind("p", provider);
        return spec.then();
    }
}
