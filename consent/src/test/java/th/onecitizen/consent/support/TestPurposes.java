package th.onecitizen.consent.support;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import th.onecitizen.consent.purpose.PurposeDraft;

/** Purpose drafts for tests: a valid consent-based one, with withers for each variation. */
public final class TestPurposes {

    private TestPurposes() {
    }

    /** A fresh purpose id. */
    public static String id() {
        return "test.purpose-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A valid consent-based purpose of agency {@code agency} for {@code categories}. */
    public static PurposeDraft consent(String agency, Set<String> categories) {
        return draft(agency, "consent", null, null, null, categories, "none", false, false);
    }

    /** A draft with every field that tests vary. */
    public static PurposeDraft draft(String agency, String basis, String legalRef, String approvedBy,
            String s26, Set<String> categories, String crossBorder, boolean minorAlone, boolean material) {
        return new PurposeDraft(agency, List.of("op-1"), basis, legalRef, approvedBy, s26, categories,
                List.of("government agency"), 365, crossBorder, "none".equals(crossBorder) ? null : "SG", minorAlone,
                "none", List.of("OneCitizen connectors"), "TLS 1.3, encryption at rest, access control, audit trail",
                "แบ่งปันข้อมูลเพื่อบริการ", "Share data for the service",
                "เราจะส่งข้อมูลของท่านไปยังหน่วยงานเพื่อให้บริการ", "We send your data to the agency to serve you.",
                "ท่านจะไม่ได้รับบริการนี้", "You will not receive this service.", material);
    }
}
