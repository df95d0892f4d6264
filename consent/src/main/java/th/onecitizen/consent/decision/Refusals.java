package th.onecitizen.consent.decision;

import java.util.LinkedHashMap;
import java.util.Map;
import th.onecitizen.platform.error.ProblemException;

/** Turns a refusal into the 403 problem a service call answers, naming what to ask the citizen for. */
public final class Refusals {

    private Refusals() {
    }

    /**
     * The problem for {@code refusal}: code {@code consent_required} (or the refusal's own code) and, when asking
     * would help, an {@code ask} member naming the purpose for the app's consent screen.
     */
    public static ProblemException problem(Refusal refusal) {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (refusal.purposeId() != null) {
            properties.put("purpose_id", refusal.purposeId());
            if (isAskable(refusal)) {
                properties.put("ask", Map.of("purpose_id", refusal.purposeId(), "consents_uri", "/v1/me/consents"));
            }
        }
        return new ProblemException(RefusalCode.of(refusal.code()), refusal.detail(), properties);
    }

    /** True when the citizen can lift the refusal by consenting. */
    public static boolean isAskable(Refusal refusal) {
        return refusal.code().equals(RefusalCode.CONSENT_REQUIRED.code())
                || refusal.code().equals(RefusalCode.CONSENT_WITHDRAWN.code())
                || refusal.code().equals(RefusalCode.CONSENT_RENEWAL_REQUIRED.code());
    }
}
