package th.onecitizen.bff.consent;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import th.onecitizen.consent.grant.SubjectFacts;
import th.onecitizen.identity.citizen.CitizenDirectory;

/**
 * Adapts identity's citizen profiles onto consent's {@link SubjectFacts} port (consent never imports identity):
 * the verified birth date asserted by the citizen's digital IDs. No digital ID asserts a court's adjudication of
 * incompetence or quasi-incompetence, so capacity is reported as full here; an operator registers the court order
 * as a representation in consent, which then sets the capacity and lets only the custodian or curator act (see
 * docs/pdpa.md, R20.3). Without
 * a directory, or without a verified birth date, it answers empty and s20 fails closed ({@code age_unverified}).
 */
@Component
public final class IdentitySubjectFacts implements SubjectFacts {

    private final ObjectProvider<CitizenDirectory> directory;

    public IdentitySubjectFacts(ObjectProvider<CitizenDirectory> directory) {
        this.directory = directory;
    }

    @Override
    public Mono<Facts> of(String subjectRef) {
        CitizenDirectory d = directory.getIfAvailable();
        if (d == null) {
            return Mono.empty();
        }
        return d.profile(subjectRef).filter(p -> p.birthDate() != null)
                .map(p -> new Facts(p.birthDate(), Capacity.FULL, false));
    }
}
