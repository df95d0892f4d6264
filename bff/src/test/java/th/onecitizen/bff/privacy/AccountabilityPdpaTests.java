package th.onecitizen.bff.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static th.onecitizen.bff.support.PdpaFixtures.json;
import static th.onecitizen.bff.support.PdpaFixtures.problem;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import th.onecitizen.bff.support.ApplicationTest;
import th.onecitizen.bff.support.PdpaFixtures;
import th.onecitizen.bff.support.TestSubjectFacts;
import th.onecitizen.bff.support.TestTokens;
import th.onecitizen.consent.accesslog.AccessLogDrainer;
import th.onecitizen.consent.decision.ConsentGate;
import th.onecitizen.consent.decision.Decision;
import th.onecitizen.consent.decision.DecisionRequest;
import th.onecitizen.consent.decision.Disclosure;
import th.onecitizen.consent.decision.DisclosureLog;

/** PDPA s27, s37, s39-s41 over HTTP: transparency, security, retention, breaches, the ROPA and the DPO. */
@ApplicationTest
class AccountabilityPdpaTests {

    @Autowired
    WebTestClient web;
    @Autowired
    TestTokens tokens;
    @Autowired
    TestSubjectFacts facts;
    @Autowired
    ConsentGate gate;
    @Autowired
    DisclosureLog disclosures;
    @Autowired
    AccessLogDrainer drainer;
    @Autowired
    DatabaseClient db;

    PdpaFixtures api;

    @BeforeEach
    void fixtures() {
        web = PdpaFixtures.forExports(web);
        api = new PdpaFixtures(web, tokens);
    }

    private Map<String, Object> publicTaskPurpose(String agency, String category) {
        Map<String, Object> body = PdpaFixtures.purpose(PdpaFixtures.purposeId(), agency, List.of(category));
        body.put("basis", "public_task");
        body.put("legal_ref", "Civil Registration Act B.E. 2534 s.6");
        body.put("approved_by", "dpo@onecitizen.example");
        api.register(body);
        return body;
    }

    private Map<String, Object> breach(String risk, Instant awareAt, List<String> subjects) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("detected_at", awareAt.minus(1, ChronoUnit.HOURS).toString());
        b.put("aware_at", awareAt.toString());
        b.put("type", "confidentiality");
        b.put("record_count", 120);
        b.put("categories", List.of("address", "phone"));
        b.put("risk_level", risk);
        b.put("risk_assessment", "Addresses and phone numbers exposed to one agency's staff");
        b.put("description", "A misconfigured export sent records to the wrong agency");
        b.put("consequences", "Unwanted contact is possible.");
        b.put("measures", "Export disabled, recipient confirmed deletion");
        b.put("remedies_th", "โปรดระวังการติดต่อที่น่าสงสัย");
        b.put("remedies_en", "Beware of unexpected calls.");
        b.put("affected_subjects", subjects);
        return b;
    }

    @Test
    @SuppressWarnings("unchecked")
    void R27_1_eachDisclosureIsLoggedForTheCitizenAndUsesWithoutConsentReachTheRopa() {
        String subject = facts.adult();
        Map<String, Object> purpose = publicTaskPurpose("agency-r27-1", "address");
        Decision.Allowed allowed = (Decision.Allowed) gate.decide(new DecisionRequest(subject, "agency-r27-1",
                (String) purpose.get("id"), Set.of("address"))).block();
        disclosures.record(allowed.permit(), new Disclosure("svc-27", "op-1", Set.of("address"), Instant.now(),
                "trace-r27", "ok")).block();
        drainer.drain().block();

        Map<String, Object> log = json(api.get(tokens.citizen(subject, TestTokens.IAL_2_3),
                "/v1/me/access-log?agency=agency-r27-1").expectStatus().isOk());
        assertThat((List<Map<String, Object>>) log.get("items")).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("agency_id", "agency-r27-1").containsEntry("purpose_id", purpose.get("id"))
                .containsEntry("basis", "public_task").containsEntry("categories", List.of("address"))
                .containsEntry("trace_id", "trace-r27"));
        assertThat(ropaEntry((String) purpose.get("id"))).containsEntry("s27_uses_without_consent", 1);
    }

    @Test
    void R37_1_accessControlAuthenticationAndAnAuditTrailGuardTheConsentRecords() {
        web.get().uri("/v1/me/consents").exchange().expectStatus().isUnauthorized();
        problem(api.get(tokens.agency("agency-client", "agency-x"), "/v1/me/consents"), 403, "forbidden");
        problem(api.get(tokens.admin(), "/admin/v1/breaches"), 403, "forbidden");
        String subject = facts.adult();
        String purpose = api.consentPurpose("agency-r37-1", List.of("address"));
        api.granted(subject, purpose);

        Map<String, Object> verified = json(api.get(tokens.dpo(), "/admin/v1/consent-ledger/{s}/verify", subject)
                .expectStatus().isOk());
        assertThat(verified).containsEntry("valid", true).containsEntry("entries", 1);
    }

    @Test
    void R37_1_aTamperedLedgerRowIsCaughtByTheAuditorsVerification() {
        String subject = facts.adult();
        String purpose = api.consentPurpose("agency-tamper", List.of("address"));
        api.postWithdraw(subject, PdpaFixtures.consentId(api.granted(subject, purpose))).expectStatus().isOk();

        db.sql("SET session_replication_role = replica; UPDATE consent.ledger SET event = 'granted' WHERE "
                + "subject_ref = '" + subject + "' AND seq = 2; SET session_replication_role = origin").then().block();

        Map<String, Object> verified = json(api.get(tokens.admin(), "/admin/v1/consent-ledger/{s}/verify", subject)
                .expectStatus().isOk());
        assertThat(verified).containsEntry("valid", false).containsEntry("broken_seq", 2);
        problem(api.get(tokens.dpo(), "/admin/v1/consent-ledger/{s}/verify", "1101700230708"), 400,
                "invalid_parameter");
    }

    @Test
    @SuppressWarnings("unchecked")
    void R37_2_theRetentionJobErasesWhatIsPastRetentionAndReportsNoneOverdue() {
        String subject = facts.adult();
        UUID old = UUID.randomUUID();
        db.sql("INSERT INTO consent.notification (id, subject_ref, kind, source_id, title_th, title_en, body_th, "
                + "body_en, created_at) VALUES (:id, :s, 'test', :src, 'ทดสอบ', 'test', 'ทดสอบ', 'test', now() - "
                + "interval '400 days')").bind("id", old).bind("s", subject).bind("src", old.toString()).then()
                .block();

        Map<String, Object> report = json(api.post(tokens.dpo(), "/admin/v1/retention-runs", null)
                .expectStatus().isOk());

        assertThat(report).containsEntry("overdue", 0);
        assertThat(((Number) report.get("notifications")).longValue()).isGreaterThanOrEqualTo(1);
        assertThat(json(api.get(tokens.citizen(subject, TestTokens.IAL_2_3), "/v1/me/notifications")
                .expectStatus().isOk())).containsEntry("total", 0);
        problem(api.post(tokens.admin(), "/admin/v1/retention-runs", null), 403, "forbidden");
    }

    @Test
    @SuppressWarnings("unchecked")
    void R37_3_officeClockRunsFromAwareAtAndHighRiskNotifiesCitizens() {
        String affected = facts.adult();
        Instant aware = Instant.now().minus(80, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> recorded = json(api.post(tokens.dpo(), "/admin/v1/breaches", breach("high", aware,
                List.of(affected))).expectStatus().isCreated());

        assertThat(Instant.parse((String) recorded.get("office_due"))).isEqualTo(aware.plus(72, ChronoUnit.HOURS));
        assertThat(Instant.parse((String) recorded.get("aware_at"))).isNotEqualTo(
                Instant.parse((String) recorded.get("detected_at")));
        assertThat(recorded).containsEntry("office_overdue", true);
        problem(api.post(tokens.dpo(), "/admin/v1/breaches/{id}/office-notification", Map.of("notified_at",
                Instant.now().toString()), recorded.get("id")), 400, "validation_failed");
        Map<String, Object> notified = json(api.post(tokens.dpo(), "/admin/v1/breaches/{id}/office-notification",
                Map.of("notified_at", Instant.now().toString(), "delay_reason", "Forensics took 80 hours"),
                recorded.get("id")).expectStatus().isOk());
        assertThat(notified).containsEntry("office_overdue", false).containsEntry("delay_reason",
                "Forensics took 80 hours");
        Map<String, Object> inbox = json(api.get(tokens.citizen(affected, TestTokens.IAL_2_3), "/v1/me/notifications")
                .expectStatus().isOk());
        assertThat((List<Map<String, Object>>) inbox.get("items")).singleElement().satisfies(n -> {
            assertThat(n).containsEntry("kind", "breach");
            assertThat((String) n.get("body_en")).contains("Beware of unexpected calls.", "DPO");
        });

        String later = facts.adult();
        Map<String, Object> risky = json(api.post(tokens.dpo(), "/admin/v1/breaches", breach("risk", Instant.now(),
                List.of(later))).expectStatus().isCreated());
        assertThat(json(api.get(tokens.citizen(later, TestTokens.IAL_2_3), "/v1/me/notifications")
                .expectStatus().isOk())).containsEntry("total", 0);
        api.post(tokens.dpo(), "/admin/v1/breaches/{id}/subject-notifications", null, risky.get("id"))
                .expectStatus().isOk();
        assertThat(json(api.get(tokens.citizen(later, TestTokens.IAL_2_3), "/v1/me/notifications")
                .expectStatus().isOk())).containsEntry("total", 1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void R37_3_aNoticeAfterFifteenDaysNeedsReasonsAndIsFlaggedBeyondTheOuterLimit() {
        Instant aware = Instant.now().minus(16, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> late = json(api.post(tokens.dpo(), "/admin/v1/breaches", breach("risk", aware,
                List.of(facts.adult()))).expectStatus().isCreated());
        assertThat(Instant.parse((String) late.get("outer_limit"))).isEqualTo(aware.plus(15, ChronoUnit.DAYS));
        assertThat(late).containsEntry("office_overdue", true).containsEntry("beyond_outer_limit", true);

        problem(api.post(tokens.dpo(), "/admin/v1/breaches/{id}/office-notification", Map.of("notified_at",
                Instant.now().toString(), "delay_reason", " "), late.get("id")), 400, "validation_failed");
        Map<String, Object> notified = json(api.post(tokens.dpo(), "/admin/v1/breaches/{id}/office-notification",
                Map.of("notified_at", Instant.now().toString(), "delay_reason", "The processor reported it late"),
                late.get("id")).expectStatus().isOk());
        assertThat(notified).containsEntry("office_overdue", false).containsEntry("beyond_outer_limit", true);
        assertThat(json(api.get(tokens.dpo(), "/admin/v1/breaches/{id}/office-notification", late.get("id"))
                .expectStatus().isOk())).containsEntry("beyond_outer_limit", true);

        // within the 15 days (late, with reasons) is not beyond the outer limit; a no-risk breach never is
        Map<String, Object> withinLimit = json(api.post(tokens.dpo(), "/admin/v1/breaches", breach("risk",
                Instant.now().minus(5, ChronoUnit.DAYS), List.of(facts.adult()))).expectStatus().isCreated());
        Map<String, Object> noRisk = json(api.post(tokens.dpo(), "/admin/v1/breaches", breach("none",
                aware, List.of(facts.adult()))).expectStatus().isCreated());
        assertThat(json(api.post(tokens.dpo(), "/admin/v1/breaches/{id}/office-notification", Map.of("notified_at",
                Instant.now().toString(), "delay_reason", "Forensics took five days"), withinLimit.get("id"))
                .expectStatus().isOk())).containsEntry("beyond_outer_limit", false);
        assertThat(noRisk).containsEntry("beyond_outer_limit", false);

        Map<String, Object> flagged = json(api.get(tokens.dpo(), "/admin/v1/breaches?beyond_outer_limit=true&size=100")
                .expectStatus().isOk());
        assertThat((List<Map<String, Object>>) flagged.get("items")).extracting(b -> b.get("id"))
                .contains(late.get("id")).doesNotContain(withinLimit.get("id"), noRisk.get("id"));
        String metric = null;
        for (int i = 0; i < 60; i++) {
            metric = web.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody().lines()
                    .filter(l -> l.startsWith("onecitizen_breaches_beyond_outer_limit")).findFirst().orElse(null);
            if (metric != null && !metric.endsWith(" 0.0") && !metric.endsWith(" NaN")) {
                break;
            }
            reactor.core.publisher.Mono.delay(java.time.Duration.ofMillis(500)).block();
        }
        assertThat(metric).isNotNull();
        assertThat(Double.parseDouble(metric.substring(metric.lastIndexOf(' ') + 1))).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void R37_4_theOfficeNoticeHoldsNatureCountsDpoContactConsequencesAndMeasures() {
        Map<String, Object> recorded = json(api.post(tokens.dpo(), "/admin/v1/breaches", breach("risk",
                Instant.now().minus(1, ChronoUnit.HOURS), List.of(facts.adult(), facts.adult())))
                .expectStatus().isCreated());

        Map<String, Object> doc = json(api.get(tokens.dpo(), "/admin/v1/breaches/{id}/office-notification",
                recorded.get("id")).expectStatus().isOk());

        assertThat(doc).containsKeys("document", "document_th", "nature", "dpo_contact", "likely_consequences",
                "measures").containsEntry("data_subjects_affected", 2).containsEntry("records_affected", 120);
        problem(api.post(tokens.dpo(), "/admin/v1/breaches", Map.of("type", "confidentiality")), 400,
                "validation_failed");
    }

    @Test
    @SuppressWarnings("unchecked")
    void R39_1_theRopaHasEveryS39FieldAsJsonAndCsv() {
        String purpose = api.consentPurpose("agency-r39-1", List.of("address"));

        assertThat(ropaEntry(purpose)).containsKeys("data_collected", "purpose_per_category",
                        "controller", "controller_contact", "dpo_contact", "retention_days", "access_rights",
                        "s27_uses_without_consent", "refusals", "security_measures", "recipients", "cross_border",
                        "processors");
        String csv = web.get().uri("/admin/v1/ropa").accept(org.springframework.http.MediaType.parseMediaType(
                "text/csv")).headers(h -> h.setBearerAuth(tokens.dpo())).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/csv").expectBody(String.class).returnResult()
                .getResponseBody();
        assertThat(csv.lines().findFirst().orElseThrow()).contains("data_collected", "security_measures");
        assertThat(csv).contains(purpose);
        problem(api.get(tokens.dpo(), "/admin/v1/ropa?format=xml"), 400, "invalid_parameter");
    }

    /** The ROPA entry of one purpose, found by walking the JSON pages through their next links. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> ropaEntry(String purposeId) {
        String uri = "/admin/v1/ropa?limit=100";
        while (uri != null) {
            Map<String, Object> page = json(api.get(tokens.dpo(), uri).expectStatus().isOk());
            for (Map<String, Object> e : (List<Map<String, Object>>) page.get("entries")) {
                if (purposeId.equals(e.get("id"))) {
                    return e;
                }
            }
            uri = (String) ((Map<String, Object>) page.get("links")).get("next");
        }
        throw new AssertionError("Purpose " + purposeId + " is on no page of the ROPA");
    }

    @Test
    @SuppressWarnings("unchecked")
    void R39_1_theRopaOfManyPurposesComesInBoundedPagesAndTheCsvStreamsEveryPurpose() {
        String agency = "agency-r39-1-scale-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 240; i++) {
            ids.add(api.consentPurpose(agency, List.of("address")));
        }

        // every page stays within the bound and the default answer size; walking the cursor visits each purpose once
        Map<String, Object> first = json(api.get(tokens.dpo(), "/admin/v1/ropa").expectStatus().isOk());
        long total = ((Number) first.get("total")).longValue();
        assertThat(total).isGreaterThanOrEqualTo(240);
        assertThat((List<?>) first.get("entries")).hasSize(50);
        assertThat(first).containsEntry("limit", 50);
        WebTestClient small = web.mutate().codecs(c -> c.defaultCodecs().maxInMemorySize(256 * 1024)).build();
        java.util.Set<String> seen = new java.util.HashSet<>();
        String uri = "/admin/v1/ropa?limit=100";
        int pages = 0;
        while (uri != null) {
            Map<String, Object> page = small.get().uri(uri).headers(h -> h.setBearerAuth(tokens.dpo())).exchange()
                    .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
            List<Map<String, Object>> entries = (List<Map<String, Object>>) page.get("entries");
            assertThat(entries).hasSizeLessThanOrEqualTo(100);
            entries.forEach(e -> assertThat(seen.add((String) e.get("id"))).as("visited once").isTrue());
            uri = (String) ((Map<String, Object>) page.get("links")).get("next");
            assertThat(uri == null).isEqualTo(page.get("next_cursor") == null);
            pages++;
        }
        assertThat(seen).containsAll(ids).hasSize((int) total);
        assertThat(pages).isEqualTo((int) ((total + 99) / 100));
        problem(api.get(tokens.dpo(), "/admin/v1/ropa?limit=101"), 400, "invalid_parameter");
        problem(api.get(tokens.dpo(), "/admin/v1/ropa?limit=0"), 400, "invalid_parameter");

        // the CSV is the whole record, streamed: a header and one line per purpose
        String csv = web.get().uri("/admin/v1/ropa?format=csv").headers(h -> h.setBearerAuth(tokens.dpo()))
                .exchange().expectStatus().isOk().expectHeader().contentTypeCompatibleWith("text/csv")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv.split("\r\n")).hasSizeGreaterThanOrEqualTo(1 + (int) total);
        ids.forEach(id -> assertThat(csv).contains("\"" + id + "\""));
        problem(api.get(tokens.admin(), "/admin/v1/ropa"), 403, "forbidden");
    }

    @Test
    @SuppressWarnings("unchecked")
    void R40_1_eachPurposesProcessorsAreRecordedInTheRopa() {
        Map<String, Object> body = PdpaFixtures.purpose(PdpaFixtures.purposeId(), "agency-r40-1", List.of("address"));
        body.put("processors", List.of("Cloud host (DPA 2026-01)", "SMS gateway (DPA 2026-02)"));
        api.register(body);

        assertThat(ropaEntry((String) body.get("id"))).containsEntry("processors",
                List.of("Cloud host (DPA 2026-01)", "SMS gateway (DPA 2026-02)"));
    }

    private static Map<String, Object> processor(String name, String purposeId) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("name_th", "ผู้ให้บริการคลาวด์");
        p.put("name_en", "Cloud host");
        p.put("contract_ref", "DPA-2026-01");
        p.put("contract_date", "2026-01-15");
        p.put("instructions", "Host and back up the consent database; no other use, no sub-processor without approval");
        p.put("security_measures", "Encryption at rest and in transit, ISO 27001, access logged and reviewed monthly");
        p.put("breach_report_hours", 24);
        p.put("purposes", List.of(purposeId));
        return p;
    }

    @Test
    @SuppressWarnings("unchecked")
    void R40_1_aRegisteredProcessorsContractInstructionsSecurityAndBreachDutyAreInTheRopa() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String host = "Cloud host " + suffix;
        String sms = "SMS gateway " + suffix;
        Map<String, Object> body = PdpaFixtures.purpose(PdpaFixtures.purposeId(), "agency-r40-1", List.of("address"));
        body.put("processors", List.of(host, sms));
        api.register(body);
        String purposeId = (String) body.get("id");

        Map<String, Object> created = json(api.post(tokens.dpo(), "/admin/v1/processors", processor(host, purposeId))
                .expectStatus().isCreated());
        assertThat(created).containsEntry("name", host).containsEntry("contract_ref", "DPA-2026-01")
                .containsEntry("breach_report_hours", 24).containsEntry("purposes", List.of(purposeId))
                .containsKeys("id", "registered_by", "registered_at");
        assertThat(json(api.get(tokens.admin(), "/admin/v1/processors/{id}", created.get("id")).expectStatus().isOk()))
                .containsEntry("instructions", created.get("instructions"));
        Map<String, Object> listed = json(api.get(tokens.admin(), "/admin/v1/processors?purpose={p}&size=5",
                purposeId).expectStatus().isOk());
        assertThat(listed).containsEntry("total", 1);
        assertThat((List<Map<String, Object>>) listed.get("items")).extracting(m -> m.get("name"))
                .containsExactly(host);

        Map<String, Object> entry = ropaEntry(purposeId);
        List<Map<String, Object>> records = (List<Map<String, Object>>) entry.get("processor_records");
        assertThat(records).hasSize(1);
        assertThat(records.get(0)).containsEntry("name", host).containsEntry("name_th", "ผู้ให้บริการคลาวด์")
                .containsEntry("contract_ref", "DPA-2026-01").containsEntry("contract_date", "2026-01-15")
                .containsEntry("instructions", created.get("instructions"))
                .containsEntry("security_measures", created.get("security_measures"))
                .containsEntry("breach_report_hours", 24).containsEntry("purposes", List.of(purposeId));
        assertThat(entry).containsEntry("processors_unregistered", List.of(sms));
        String csv = web.get().uri("/admin/v1/ropa").accept(org.springframework.http.MediaType.parseMediaType(
                "text/csv")).headers(h -> h.setBearerAuth(tokens.dpo())).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv.lines().findFirst().orElseThrow()).contains("processor_records", "processors_unregistered");
        assertThat(csv.lines().filter(l -> l.startsWith("\"" + purposeId + "\"")).findFirst().orElseThrow())
                .contains("contract_ref: DPA-2026-01", "breach_report_hours: 24", sms);

        Map<String, Object> noContract = processor("No contract " + suffix, purposeId);
        noContract.remove("contract_ref");
        problem(api.post(tokens.dpo(), "/admin/v1/processors", noContract), 400, "validation_failed");
        Map<String, Object> noDuty = processor("No duty " + suffix, purposeId);
        noDuty.remove("breach_report_hours");
        problem(api.post(tokens.dpo(), "/admin/v1/processors", noDuty), 400, "validation_failed");
        Map<String, Object> zeroDuty = processor("Zero duty " + suffix, purposeId);
        zeroDuty.put("breach_report_hours", 0);
        problem(api.post(tokens.dpo(), "/admin/v1/processors", zeroDuty), 400, "validation_failed");
        problem(api.post(tokens.dpo(), "/admin/v1/processors", processor("Unknown purpose " + suffix,
                "no-such-purpose-" + suffix)), 400, "validation_failed");
        problem(api.post(tokens.dpo(), "/admin/v1/processors", processor(host, purposeId)), 409, "conflict");

        problem(api.post(tokens.citizen(facts.adult(), TestTokens.IAL_2_3), "/admin/v1/processors",
                processor("Citizen " + suffix, purposeId)), 403, "forbidden");
        problem(api.get(tokens.agency("agency-client", "agency-r40-1"), "/admin/v1/processors"), 403, "forbidden");
        problem(api.get(tokens.admin(), "/admin/v1/processors/{id}", UUID.randomUUID()), 404, "processor_not_found");
    }

    @Test
    @SuppressWarnings("unchecked")
    void R41_1_theDpoContactIsInEveryNoticeAndReceiptAndTheDpoReadsEveryReport() {
        String subject = facts.adult();
        String purpose = api.consentPurpose("agency-r41-1", List.of("address"));
        Map<String, Object> notice = json(api.get(tokens.citizen(subject, TestTokens.IAL_2_3),
                "/v1/purposes/{id}/notice", purpose).expectStatus().isOk());
        String dpo = (String) notice.get("dpo_contact");
        assertThat(dpo).isNotBlank();
        assertThat((String) ((Map<String, Object>) notice.get("th")).get("text")).contains(dpo);
        assertThat((String) ((Map<String, Object>) notice.get("en")).get("text")).contains(dpo);
        String jws = (String) ((Map<String, Object>) api.granted(subject, purpose).get("receipt")).get("jws");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(jws.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(payload).contains(dpo);

        for (String report : List.of("/admin/v1/ropa", "/admin/v1/breaches", "/admin/v1/privacy-requests",
                "/admin/v1/purposes")) {
            api.get(tokens.dpo(), report).expectStatus().isOk();
        }
    }
}
