package th.onecitizen.consent.decision;

/** The answer of the consent gate: a {@link Permit}, or a {@link Refusal} with its reason. */
public sealed interface Decision permits Decision.Allowed, Decision.Refused {

    /** Allowed, with the permit that authorises the share. */
    record Allowed(Permit permit) implements Decision {
    }

    /** Refused, with the reason. */
    record Refused(Refusal refusal) implements Decision {
    }
}
