package th.onecitizen.consent.ledger;

import io.r2dbc.spi.Readable;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import th.onecitizen.consent.config.Sql;

/** The consent ledger in PostgreSQL (table {@code consent.ledger}; a trigger refuses updates and deletes). */
public final class R2dbcConsentLedger implements ConsentLedger {

    private final DatabaseClient db;

    public R2dbcConsentLedger(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Appended> append(LedgerEntry d) {
        // The upsert takes the row lock on subject_state: concurrent appends for one subject queue here.
        return db.sql("INSERT INTO consent.subject_state (subject_ref, version) VALUES (:s, 1) ON CONFLICT (subject_ref) "
                + "DO UPDATE SET version = subject_state.version + 1, updated_at = now() "
                + "RETURNING version, head_seq, head_hash")
                .bind("s", d.subjectRef())
                .map(r -> new Head(r.get("version", Long.class), r.get("head_seq", Long.class),
                        r.get("head_hash", String.class)))
                .one()
                .flatMap(head -> {
                    LedgerEntry linked = new LedgerEntry(d.subjectRef(), head.seq + 1, d.recordId(), d.consentId(),
                            d.event(), d.purposeId(), d.noticeVersion(), d.textHash(), d.language(), d.categories(),
                            d.actorRole(), d.authorityRef(), d.guardianRole(), d.guardianRef(), d.channel(),
                            d.steps(), d.at(), head.hash, null);
                    LedgerEntry e = withHash(linked, LedgerHash.of(linked));
                    return insert(e).then(db.sql("UPDATE consent.subject_state SET head_seq = :seq, head_hash = :hash "
                            + "WHERE subject_ref = :s").bind("seq", e.seq()).bind("hash", e.hash())
                            .bind("s", e.subjectRef()).then())
                            .thenReturn(new Appended(e, head.version));
                });
    }

    @Override
    public Flux<LedgerEntry> entries(String subjectRef) {
        return db.sql("SELECT * FROM consent.ledger WHERE subject_ref = :s ORDER BY seq").bind("s", subjectRef)
                .map(R2dbcConsentLedger::read).all();
    }

    @Override
    public Mono<LedgerVerification> verify(String subjectRef) {
        Mono<Head> head = db.sql("SELECT version, head_seq, head_hash FROM consent.subject_state WHERE subject_ref = :s")
                .bind("s", subjectRef)
                .map(r -> new Head(r.get("version", Long.class), r.get("head_seq", Long.class),
                        r.get("head_hash", String.class)))
                .one().defaultIfEmpty(new Head(0, 0, LedgerEntry.GENESIS));
        return Mono.zip(entries(subjectRef).collectList(), head).map(t -> check(t.getT1(), t.getT2()));
    }

    static LedgerVerification check(List<LedgerEntry> entries, Head head) {
        String prev = LedgerEntry.GENESIS;
        long expected = 1;
        for (LedgerEntry e : entries) {
            if (e.seq() != expected) {
                return broken(entries, expected, "entry " + expected + " is missing");
            }
            if (!e.prevHash().equals(prev)) {
                return broken(entries, e.seq(), "entry " + e.seq() + " does not link to its predecessor");
            }
            if (!LedgerHash.of(e).equals(e.hash())) {
                return broken(entries, e.seq(), "entry " + e.seq() + " was altered: its hash does not match");
            }
            prev = e.hash();
            expected++;
        }
        if (head.seq != entries.size() || !head.hash.equals(prev)) {
            return broken(entries, Math.min(head.seq, entries.size() + 1L),
                    "the ledger ends before its recorded head: entries were deleted");
        }
        return new LedgerVerification(true, entries.size(), 0, null, prev);
    }

    private static LedgerVerification broken(List<LedgerEntry> entries, long seq, String reason) {
        return new LedgerVerification(false, entries.size(), seq, reason, null);
    }

    private Mono<Void> insert(LedgerEntry e) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("INSERT INTO consent.ledger (subject_ref, seq, record_id, "
                + "consent_id, event, purpose_id, notice_version, text_hash, language, categories, actor_role, "
                + "authority_ref, guardian_role, guardian_ref, channel, steps, at, prev_hash, hash) VALUES (:s, :seq, "
                + ":rid, :cid, :event, :p, :v, :th, :lang, :cats, :actor, :auth, :grole, :gref, :channel, :steps, "
                + ":at, :prev, :hash)")
                .bind("s", e.subjectRef()).bind("seq", e.seq()).bind("rid", e.recordId()).bind("cid", e.consentId())
                .bind("event", e.event()).bind("p", e.purposeId()).bind("v", e.noticeVersion())
                .bind("th", e.textHash()).bind("lang", e.language()).bind("cats", Sql.array(e.categories()))
                .bind("actor", e.actorRole()).bind("channel", e.channel()).bind("steps", e.steps())
                .bind("at", Sql.ts(e.at())).bind("prev", e.prevHash()).bind("hash", e.hash());
        spec = Sql.bind(spec, "auth", e.authorityRef(), String.class);
        spec = Sql.bind(spec, "grole", e.guardianRole(), String.class);
        spec = Sql.bind(spec, "gref", e.guardianRef(), String.class);
        return spec.then();
    }

    private static LedgerEntry withHash(LedgerEntry e, String hash) {
        return new LedgerEntry(e.subjectRef(), e.seq(), e.recordId(), e.consentId(), e.event(), e.purposeId(),
                e.noticeVersion(), e.textHash(), e.language(), e.categories(), e.actorRole(), e.authorityRef(),
                e.guardianRole(), e.guardianRef(), e.channel(), e.steps(), e.at(), e.prevHash(), hash);
    }

    static LedgerEntry read(Readable r) {
        return new LedgerEntry(r.get("subject_ref", String.class), r.get("seq", Long.class),
                r.get("record_id", java.util.UUID.class), r.get("consent_id", java.util.UUID.class),
                r.get("event", String.class), r.get("purpose_id", String.class),
                r.get("notice_version", Integer.class), r.get("text_hash", String.class),
                r.get("language", String.class), Sql.list(r, "categories"), r.get("actor_role", String.class),
                r.get("authority_ref", String.class), r.get("guardian_role", String.class),
                r.get("guardian_ref", String.class), r.get("channel", String.class), r.get("steps", Integer.class),
                Sql.instant(r, "at"), r.get("prev_hash", String.class), r.get("hash", String.class));
    }

    record Head(long version, long seq, String hash) {
    }
}
