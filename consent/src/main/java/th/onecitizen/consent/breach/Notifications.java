package th.onecitizen.consent.breach;

import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import th.onecitizen.consent.Page;
import th.onecitizen.consent.config.Sql;

/** A citizen's in-app notifications (breach notices and the like): only ever their own. */
public final class Notifications {

    private final DatabaseClient db;

    public Notifications(DatabaseClient db) {
        this.db = db;
    }

    /**
     * A notification.
     *
     * @param id        its id
     * @param kind      e.g. {@code breach}
     * @param titleTh   title (Thai)
     * @param titleEn   title (English)
     * @param bodyTh    text (Thai)
     * @param bodyEn    text (English)
     * @param createdAt when
     */
    public record Notification(UUID id, String kind, String titleTh, String titleEn, String bodyTh, String bodyEn,
            Instant createdAt) {
    }

    /** One page of the subject's notifications, newest first. */
    public Mono<Page<Notification>> list(String subjectRef, int page, int size) {
        return Mono.zip(db.sql("SELECT * FROM consent.notification WHERE subject_ref = :s ORDER BY created_at DESC, id "
                        + "LIMIT :l OFFSET :o").bind("s", subjectRef).bind("l", size).bind("o", (long) page * size)
                        .map(r -> new Notification(r.get("id", UUID.class), r.get("kind", String.class),
                                r.get("title_th", String.class), r.get("title_en", String.class),
                                r.get("body_th", String.class), r.get("body_en", String.class),
                                Sql.instant(r, "created_at"))).all().collectList(),
                db.sql("SELECT count(*) FROM consent.notification WHERE subject_ref = :s").bind("s", subjectRef)
                        .map(r -> r.get(0, Long.class)).one())
                .map(t -> new Page<>(t.getT1(), page, size, t.getT2()));
    }
}
