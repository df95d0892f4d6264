package th.onecitizen.consent.collection;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import th.onecitizen.consent.ConsentError;
import th.onecitizen.consent.config.Sql;
import th.onecitizen.platform.error.CommonError;
import th.onecitizen.platform.error.ProblemException;

/**
 * Exemptions from the notice of indirect collection (s25 para 2: the law or an s24/s26 ground excuses it), one per
 * purpose, each with its legal reference and the officer who approved it. Without one, every collection from
 * another source on a basis other than consent is noticed to the citizen.
 */
public final class IndirectCollectionExemptions {

    /** The grounds s25 para 2 allows, by code. */
    public static final Set<String> GROUNDS = Set.of("s24", "s26", "s25_law", "s25_impossible");

    private final DatabaseClient db;
    private final Clock clock;

    public IndirectCollectionExemptions(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * A recorded exemption.
     *
     * @param purposeId  the purpose
     * @param ground     s24, s26, s25_law or s25_impossible
     * @param legalRef   the provision or ruling relied on
     * @param approvedBy who approved it
     * @param recordedAt when
     */
    public record Exemption(String purposeId, String ground, String legalRef, String approvedBy, Instant recordedAt) {
    }

    /** Records (or replaces) the exemption of {@code purposeId}; the purpose must exist. */
    public Mono<Exemption> record(String purposeId, String ground, String legalRef, String approvedBy) {
        List<String> v = new ArrayList<>();
        if (!GROUNDS.contains(ground)) {
            v.add("ground must be one of s24, s26, s25_law, s25_impossible");
        }
        if (legalRef == null || legalRef.isBlank() || legalRef.length() > 300) {
            v.add("legal_ref is required (at most 300 characters)");
        }
        if (!v.isEmpty()) {
            return Mono.error(new ProblemException(CommonError.VALIDATION_FAILED, String.join("; ", v),
                    Map.of("violations", v)));
        }
        Instant now = clock.instant();
        return db.sql("SELECT count(*) FROM consent.purpose WHERE id = :p").bind("p", purposeId)
                .map(r -> r.get(0, Long.class)).one()
                .filter(n -> n > 0)
                .switchIfEmpty(Mono.error(() -> new ProblemException(ConsentError.PURPOSE_NOT_FOUND,
                        "No such purpose")))
                .then(db.sql("INSERT INTO consent.indirect_collection_exemption (purpose_id, ground, legal_ref, "
                        + "approved_by, recorded_at) VALUES (:p, :g, :ref, :by, :at) ON CONFLICT (purpose_id) DO "
                        + "UPDATE SET ground = :g, legal_ref = :ref, approved_by = :by, recorded_at = :at")
                        .bind("p", purposeId).bind("g", ground).bind("ref", legalRef).bind("by", approvedBy)
                        .bind("at", Sql.ts(now)).then())
                .thenReturn(new Exemption(purposeId, ground, legalRef, approvedBy, now));
    }

    /** The exemption of {@code purposeId}, if one is recorded. */
    public Mono<Exemption> find(String purposeId) {
        return db.sql("SELECT * FROM consent.indirect_collection_exemption WHERE purpose_id = :p")
                .bind("p", purposeId).map(r -> new Exemption(r.get("purpose_id", String.class),
                        r.get("ground", String.class), r.get("legal_ref", String.class),
                        r.get("approved_by", String.class), Sql.instant(r, "recorded_at"))).one();
    }
}
