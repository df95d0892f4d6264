package th.onecitizen.identity.citizen;

import io.r2dbc.spi.Readable;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuples;
import th.onecitizen.identity.assurance.Assurance;
import th.onecitizen.platform.privacy.SubjectKeyUnavailableException;
import th.onecitizen.platform.privacy.SubjectKeys;
import th.onecitizen.platform.privacy.CitizenIds;
import tools.jackson.databind.json.JsonMapper;

/**
 * Citizens and their provider links in PostgreSQL. Each use case that writes more than one statement is one
 * transaction with no remote call in it (a login that writes one statement writes it alone, see {@link #login}); a
 * refused merge is audited after its transaction rolls back, so the audit survives.
 *
 * <p>The citizen ID ({@code citizens.cid_sealed}) and what providers asserted ({@code links.claims}) are sealed with
 * the citizen's own data key ({@link SubjectKeys}), so that erasure reaches backups by destroying that key. Rows
 * sealed the older way (the citizen ID under the configuration key, claims in plain JSON) are still read; they are
 * sealed with the citizen's key the next time they are written.
 */
public final class R2dbcCitizens implements CitizenDirectory {

    /** Below this IAL a provider's citizen ID neither creates a citizen nor links to one (S-UP-05). */
    static final Assurance MIN_LINKING = new Assurance("2.1", "1");
    private static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final CitizenIdProtector protector;
    private final SubjectKeys keys;

    static final String CID_CONTEXT = "identity.citizens.cid_sealed";
    static final String CLAIMS_CONTEXT = "identity.links.claims";
    /** Prefix of claims sealed with the citizen's key (base64url after it); plain JSON starts with a brace. */
    private static final String SEALED_CLAIMS = "sk:";

    public R2dbcCitizens(DatabaseClient db, TransactionalOperator tx, CitizenIdProtector protector,
            SubjectKeys keys) {
        this.db = db;
        this.tx = tx;
        this.protector = protector;
        this.keys = keys;
    }

    private record Link(String citizenId, byte[] cidHmac, boolean cidCurrent) {
    }

    /** A citizen found by the citizen ID's look-up hash; {@code cidCurrent} when sealed with the citizen's key. */
    private record Found(String citizenId, boolean cidCurrent) {
    }

    /** SQL: whether {@code <alias>.cid_sealed} is sealed with the citizen's key (the port's version prefix). */
    private static String cidCurrent(String alias) {
        return "substring(" + alias + ".cid_sealed from 1 for 4) = decode('"
                + java.util.HexFormat.of().formatHex(SubjectKeys.PREFIX.getBytes(StandardCharsets.US_ASCII))
                + "', 'hex')";
    }

    private static final String FIND_LINK = "SELECT l.citizen_id, l.cid_hmac, " + cidCurrent("c") + " AS current "
            + "FROM identity.links l JOIN identity.citizens c ON c.id = l.citizen_id "
            + "WHERE l.provider = :p AND l.subject_hash = :s";

    /** The provider account's link and the citizen of the citizen ID, each possibly absent, in one row. */
    private static final String LOOK_UP = "SELECT l.citizen_id, l.cid_hmac, " + cidCurrent("c") + " AS current, "
            + "f.id AS found_id, " + cidCurrent("f") + " AS found_current FROM (SELECT 1) AS one "
            + "LEFT JOIN identity.links l ON l.provider = :p AND l.subject_hash = :s "
            + "LEFT JOIN identity.citizens c ON c.id = l.citizen_id "
            + "LEFT JOIN identity.citizens f ON f.cid_hmac = :h";

    /**
     * Resolves a provider login to a citizen: the linked citizen, or a citizen found by the verified ID (auto-link),
     * or a new citizen. Refuses with {@link IdentityConflictException} anything that would merge or move identities.
     *
     * <p>The look-up reads outside any transaction, and a login that then writes one statement (a returning citizen's
     * link update, a new provider's link) writes it on its own, atomic as every statement is: a transaction would add
     * its BEGIN and COMMIT round trips to every login. Writes of more than one statement (a new citizen with its data
     * key, or a citizen ID re-sealed with the citizen's key) are one transaction. What another login or an unlink
     * changes between the look-up and the write is caught by the tables' unique and foreign keys, as inside a
     * transaction at PostgreSQL's default isolation. A citizen erased between the look-up and the write (its data key
     * or its link gone) is not written to: the login starts again from the look-up, once, and so signs in a new
     * citizen, as any login after an erasure does.
     */
    public Mono<String> login(VerifiedIdentity identity) {
        byte[] cidHash = protector.lookupHash(identity.citizenId());
        byte[] subjectHash = protector.hash(identity.provider() + ":" + identity.subject());
        Mono<String> attempt = Mono.defer(() -> attempt(identity, cidHash, subjectHash));
        // the citizen found was erased before this login wrote: once more from the look-up, which now finds nothing
        // of the erased citizen and so creates a new one (as any login after an erasure does)
        Mono<String> useCase = attempt.onErrorResume(ERASED_MEANWHILE, e -> attempt)
                .onErrorMap(ERASED_MEANWHILE, e -> new IdentityConflictException("erased_during_login",
                        "The account was erased during this login; sign in again"));
        return audited(useCase, identity.provider(), null);
    }

    /** A citizen erased between a login's look-up and its write: its data key or its link is gone. */
    private static final Predicate<Throwable> ERASED_MEANWHILE =
            e -> e instanceof SubjectKeyUnavailableException || e instanceof LinkGone;

    /** The link a login found was deleted (by an erasure) before the login updated it. */
    private static final class LinkGone extends RuntimeException {

        LinkGone() {
            super("link deleted during the login", null, false, false);
        }
    }

    private Mono<String> attempt(VerifiedIdentity identity, byte[] cidHash, byte[] subjectHash) {
        return lookUp(identity.provider(), subjectHash, cidHash).flatMap(found -> {
            Link link = found.link();
            if (link != null) {
                if (!Arrays.equals(link.cidHmac(), cidHash)) {
                    return Mono.<String>error(new IdentityConflictException("citizen_id_changed",
                            "The provider now asserts another citizen ID for this account"));
                }
                return resealingIfOld(link.citizenId(), link.cidCurrent(), identity.citizenId(),
                        touch(link.citizenId(), identity, subjectHash)).thenReturn(link.citizenId());
            }
            if (!identity.verified() || !identity.assurance().satisfies(MIN_LINKING)) {
                return Mono.error(new IdentityConflictException("link_requires_verification",
                        "This provider's citizen ID is not verified well enough to sign in"));
            }
            Found citizen = found.citizen();
            if (citizen == null) {
                return tx.transactional(createCitizen(identity, cidHash, subjectHash));
            }
            return resealingIfOld(citizen.citizenId(), citizen.cidCurrent(), identity.citizenId(),
                    insertLink(citizen.citizenId(), identity, subjectHash, cidHash)).thenReturn(citizen.citizenId());
        });
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
                                    ? touch(citizenId, identity, subjectHash)
                                    : Mono.error(new IdentityConflictException("provider_account_linked_elsewhere",
                                            "This provider account belongs to another citizen")))
                            .switchIfEmpty(Mono.defer(() -> insertLink(citizenId, identity, subjectHash, cidHash)));
                });
        return audited(tx.transactional(useCase).onErrorMap(ERASED_MEANWHILE,
                e -> new IdentityConflictException("unknown_citizen", "Unknown citizen")), identity.provider(), citizenId)
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
                .bind("id", citizenId).map(R2dbcCitizens::storedSource).all()
                .concatMap(stored -> openClaims(citizenId, stored.claims()).map(stored::with)).collectList()
                .zipWith(openCitizenId(citizenId, s))
                .map(t -> profileOf(citizenId, t.getT2(), t.getT1())))
                // the citizen's key was destroyed (erased while this read ran): nothing to show
                .onErrorResume(SubjectKeyUnavailableException.class, e -> Mono.empty());
    }

    private Mono<String> openCitizenId(String citizenId, byte[] sealed) {
        if (SubjectKeys.isSealed(sealed)) {
            return keys.open(citizenId, CID_CONTEXT, sealed).map(b -> new String(b, StandardCharsets.US_ASCII));
        }
        return Mono.fromSupplier(() -> protector.open(sealed));
    }

    private Mono<StoredClaims> openClaims(String citizenId, String stored) {
        if (!stored.startsWith(SEALED_CLAIMS)) {
            return Mono.fromSupplier(() -> JSON.readValue(stored, StoredClaims.class));
        }
        byte[] sealed = Base64.getUrlDecoder().decode(stored.substring(SEALED_CLAIMS.length()));
        return keys.open(citizenId, CLAIMS_CONTEXT, sealed).map(b -> JSON.readValue(b, StoredClaims.class));
    }

    /** Seals what the provider asserted with its own subject for the person (for the s30 export). */
    private Mono<String> sealClaims(String citizenId, VerifiedIdentity identity) {
        ProviderClaims c = identity.claims();
        StoredClaims stored = new StoredClaims(c.nameTh(), c.nameEn(), c.birthDate(), identity.subject());
        return keys.seal(citizenId, CLAIMS_CONTEXT, JSON.writeValueAsBytes(stored))
                .map(b -> SEALED_CLAIMS + Base64.getUrlEncoder().withoutPadding().encodeToString(b));
    }

    /**
     * The sealed content of a link's {@code claims}: what the provider asserted and its subject for the person
     * ({@code subject} is absent from links last written before it was stored; the next login adds it).
     */
    record StoredClaims(String nameTh, String nameEn, java.time.LocalDate birthDate, String subject) {

        ProviderClaims claims() {
            return new ProviderClaims(nameTh, nameEn, birthDate);
        }
    }

    /**
     * Erases what identity holds about a citizen (PDPA s33): the provider links with their claims, the refresh-token
     * families and the citizen row with the sealed citizen ID and its look-up hash, in one transaction; then the
     * citizen's data key, so that copies of those rows (backups) no longer open. Nothing that names the person
     * remains: a later login of the same person creates a new citizen. Kept: the audit events, which hold the
     * opaque id and fixed texts only. Never fails for a citizen already erased.
     */
    public Mono<Erasure> erase(String citizenId) {
        Mono<Erasure> rows = db.sql("DELETE FROM identity.refresh_families WHERE citizen_id = :c RETURNING family_id")
                .bind("c", citizenId).map(r -> r.get("family_id", String.class)).all().collectList()
                .flatMap(families -> db.sql("DELETE FROM identity.links WHERE citizen_id = :c")
                        .bind("c", citizenId).fetch().rowsUpdated()
                        .flatMap(links -> db.sql("DELETE FROM identity.citizens WHERE id = :c")
                                .bind("c", citizenId).fetch().rowsUpdated()
                                .map(citizens -> new Erasure(citizens > 0, links, families, false))));
        return tx.transactional(rows)
                .flatMap(e -> keys.destroy(citizenId).map(e::withKeyDestroyed))
                .flatMap(e -> audit("erasure", citizenId, null, "citizen erased").thenReturn(e));
    }

    /**
     * What {@link #erase} did.
     *
     * @param citizen       whether a citizen row was deleted
     * @param links         provider links deleted (with their claims)
     * @param families      the refresh-token families (grants) deleted, whose access tokens the caller revokes
     * @param keyDestroyed  whether the citizen's data key existed and was destroyed
     */
    public record Erasure(boolean citizen, long links, List<String> families, boolean keyDestroyed) {

        Erasure withKeyDestroyed(boolean destroyed) {
            return new Erasure(citizen, links, families, destroyed);
        }
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

    private record StoredSource(String provider, String ial, String aal, String claims, String linkedAt,
            String lastLoginAt) {

        CitizenProfile.Source with(StoredClaims opened) {
            return new CitizenProfile.Source(provider, ial, aal, opened.claims(), linkedAt, lastLoginAt,
                    opened.subject());
        }
    }

    private static StoredSource storedSource(Readable r) {
        return new StoredSource(r.get("provider", String.class), r.get("ial", String.class),
                r.get("aal", String.class), r.get("claims", String.class),
                String.valueOf(r.get("linked_at", OffsetDateTime.class)),
                String.valueOf(r.get("last_login_at", OffsetDateTime.class)));
    }

    private Mono<Link> findLink(String provider, byte[] subjectHash) {
        return db.sql(FIND_LINK).bind("p", provider).bind("s", subjectHash)
                .map(r -> new Link(r.get("citizen_id", String.class), r.get("cid_hmac", byte[].class),
                        Boolean.TRUE.equals(r.get("current", Boolean.class)))).one();
    }

    /** What a login finds: the provider account's link and the citizen of the verified ID, each possibly absent. */
    private record LookUp(Link link, Found citizen) {
    }

    /** The link of the provider account and the citizen of the citizen ID, in one statement. */
    private Mono<LookUp> lookUp(String provider, byte[] subjectHash, byte[] cidHash) {
        return db.sql(LOOK_UP).bind("p", provider).bind("s", subjectHash).bind("h", cidHash)
                .map(r -> {
                    String linked = r.get("citizen_id", String.class);
                    String found = r.get("found_id", String.class);
                    return new LookUp(linked == null ? null : new Link(linked, r.get("cid_hmac", byte[].class),
                            Boolean.TRUE.equals(r.get("current", Boolean.class))),
                            found == null ? null : new Found(found,
                                    Boolean.TRUE.equals(r.get("found_current", Boolean.class))));
                }).one();
    }

    /**
     * A login's one write, alone when the citizen ID is {@code current}ly sealed with the citizen's own key; else one
     * transaction that first re-seals the ID sealed the older way (under the configuration key), from the ID the
     * provider just vouched for (same look-up hash, no decryption needed), then writes.
     */
    private Mono<Void> resealingIfOld(String citizenId, boolean current, String citizenNumber, Mono<Void> write) {
        if (current) {
            return write;
        }
        return tx.transactional(keys.seal(citizenId, CID_CONTEXT, citizenNumber.getBytes(StandardCharsets.US_ASCII))
                .flatMap(sealed -> db.sql("UPDATE identity.citizens SET cid_sealed = :s WHERE id = :id")
                        .bind("s", sealed).bind("id", citizenId).then())
                .then(write));
    }

    /**
     * Re-applies the erasures of the key store's journal to identity's tables: after a restore of an older backup,
     * the rows of citizens erased since then come back (unreadable, their keys being gone, but with their look-up
     * hashes); this deletes them again. Run at start-up, before the server takes requests.
     *
     * @return how many citizen rows were deleted again
     */
    public Mono<Long> reapplyErasures() {
        String erased = "(SELECT subject_ref FROM keyvault.erasures)";
        return tx.transactional(db.sql("DELETE FROM identity.refresh_families WHERE citizen_id IN " + erased).then()
                .then(db.sql("DELETE FROM identity.links WHERE citizen_id IN " + erased).then())
                .then(db.sql("DELETE FROM identity.citizens WHERE id IN " + erased).fetch().rowsUpdated()));
    }

    /**
     * A new citizen and its first link, in one statement (after the data key's). Two first logins of the same
     * person or provider account at the same moment: one wins, the other is refused as a conflict and may sign in
     * again.
     */
    private Mono<String> createCitizen(VerifiedIdentity identity, byte[] cidHash, byte[] subjectHash) {
        String id = UUID.randomUUID().toString();
        return keys.create(id)
                .then(keys.seal(id, CID_CONTEXT, identity.citizenId().getBytes(StandardCharsets.US_ASCII)))
                .flatMap(cid -> sealClaims(id, identity).map(claims -> Tuples.of(cid, claims)))
                .flatMap(sealed -> db.sql("""
                        WITH citizen AS (
                            INSERT INTO identity.citizens (id, cid_hmac, cid_sealed) VALUES (:id, :h, :cid))
                        INSERT INTO identity.links (provider, subject_hash, citizen_id, cid_hmac, claims, ial, aal)
                        VALUES (:p, :s, :id, :h, :claims, :ial, :aal)
                        """).bind("id", id).bind("h", cidHash).bind("cid", sealed.getT1())
                        .bind("p", identity.provider()).bind("s", subjectHash).bind("claims", sealed.getT2())
                        .bind("ial", identity.assurance().ial()).bind("aal", identity.assurance().aal()).then())
                .onErrorMap(org.springframework.dao.DataIntegrityViolationException.class,
                        e -> new IdentityConflictException("concurrent_first_login",
                                "Another first sign-in of this person completed at the same moment"))
                .thenReturn(id);
    }

    private Mono<Void> insertLink(String citizenId, VerifiedIdentity identity, byte[] subjectHash, byte[] cidHash) {
        return sealClaims(citizenId, identity).flatMap(claims -> db.sql("""
                INSERT INTO identity.links (provider, subject_hash, citizen_id, cid_hmac, claims, ial, aal)
                VALUES (:p, :s, :c, :h, :claims, :ial, :aal)
                """).bind("p", identity.provider()).bind("s", subjectHash).bind("c", citizenId).bind("h", cidHash)
                .bind("claims", claims).bind("ial", identity.assurance().ial())
                .bind("aal", identity.assurance().aal()).then())
                .onErrorMap(org.springframework.dao.DataIntegrityViolationException.class,
                        e -> new IdentityConflictException("provider_already_linked",
                                "The citizen already has another account of this provider linked"));
    }

    private Mono<Void> touch(String citizenId, VerifiedIdentity identity, byte[] subjectHash) {
        return sealClaims(citizenId, identity).flatMap(claims -> db.sql("""
                UPDATE identity.links SET claims = :claims, ial = :ial, aal = :aal, last_login_at = now()
                WHERE provider = :p AND subject_hash = :s AND citizen_id = :c
                """).bind("claims", claims).bind("ial", identity.assurance().ial())
                .bind("aal", identity.assurance().aal()).bind("p", identity.provider()).bind("s", subjectHash)
                .bind("c", citizenId).fetch().rowsUpdated()
                .flatMap(n -> n == 0 ? Mono.error(new LinkGone()) : Mono.<Void>empty()));
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
