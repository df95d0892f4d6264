package th.onecitizen.bff.privacy;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import th.onecitizen.consent.dsar.ErasureContributor;
import th.onecitizen.identity.citizen.R2dbcCitizens;
import th.onecitizen.identity.token.AccessTokenValidator;

/**
 * Erasure (s33) reaches identity: the citizen's provider links with what the providers asserted (names, birth
 * date), the sealed citizen ID with its look-up hash, the refresh-token families (their access tokens are revoked
 * at once), and the citizen's data key, so that copies of those rows in backups no longer open (crypto-shredding).
 * None of these has a retention duty: identity data exists to sign the citizen in. The bff composes it, since
 * consent does not import identity.
 */
@Component
public final class IdentityErasure implements ErasureContributor {

    private final R2dbcCitizens citizens;
    private final AccessTokenValidator tokens;

    public IdentityErasure(R2dbcCitizens citizens, AccessTokenValidator tokens) {
        this.citizens = citizens;
        this.tokens = tokens;
    }

    @Override
    public Mono<ErasureReport> erase(String subjectRef) {
        return citizens.erase(subjectRef).flatMap(e -> Flux.fromIterable(e.families())
                .concatMap(tokens::revokeGrant).then(Mono.fromSupplier(() -> {
                    List<String> erased = new ArrayList<>();
                    if (e.citizen()) {
                        erased.add("citizen ID (sealed copy and look-up hash)");
                    }
                    erased.add("provider links with their names and birth date (" + e.links() + ")");
                    erased.add("sign-in sessions (" + e.families().size() + "; their tokens revoked)");
                    if (e.keyDestroyed()) {
                        erased.add("the citizen's data key (sealed copies in backups no longer open)");
                    }
                    return new ErasureReport("identity", erased, List.of("identity audit events (the opaque "
                            + "subject reference and fixed texts only, no personal data): security accountability, "
                            + "s37"));
                })));
    }
}
