package th.onecitizen.consent.decision;

import reactor.core.publisher.Mono;

/** Decides whether one share of personal data may happen (PDPA s19, s24, s26). */
public interface ConsentGate {

    /** A decision for the request; never an error for a refusal, which is a {@link Decision.Refused}. */
    Mono<Decision> decide(DecisionRequest request);
}
