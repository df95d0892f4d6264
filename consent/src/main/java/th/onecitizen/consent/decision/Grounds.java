package th.onecitizen.consent.decision;

import java.util.Set;

/**
 * What an evaluation found, before a permit is minted: either the basis and the categories that may flow, or a
 * refusal. Cached per subject and request; a fresh {@link Permit} is made from it for every decision.
 *
 * @param basis      the basis relied on (null when refused)
 * @param categories the categories that may flow (the request's intersected with the purpose's, R22.1)
 * @param refusal    the refusal (null when allowed)
 */
record Grounds(LawfulBasis basis, Set<String> categories, Refusal refusal) {

    static Grounds allow(LawfulBasis basis, Set<String> categories) {
        return new Grounds(basis, Set.copyOf(categories), null);
    }

    static Grounds refuse(Refusal refusal) {
        return new Grounds(null, Set.of(), refusal);
    }
}
