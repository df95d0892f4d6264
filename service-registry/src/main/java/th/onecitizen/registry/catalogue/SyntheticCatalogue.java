package th.onecitizen.registry.catalogue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import th.onecitizen.registry.service.Agency;
import th.onecitizen.registry.service.AgencyAuth;
import th.onecitizen.registry.service.Assurance;
import th.onecitizen.registry.service.ConnectorSpec;
import th.onecitizen.registry.service.LocalizedText;
import th.onecitizen.registry.service.Operation;
import th.onecitizen.registry.service.ServiceDefinition;
import th.onecitizen.registry.service.ServiceDefinition.ServiceContent;
import th.onecitizen.registry.service.ServiceStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * A deterministic synthetic catalogue for scale tests and benchmarks (10,000 services and more): names composed of
 * Thai and English actions, subjects and provinces, so that text search meets the vocabulary and the skew of the
 * real catalogue. The same size and seed always give the same services.
 *
 * @param agencies the synthetic agencies by id
 * @param services the active services, ordered by change sequence
 */
public record SyntheticCatalogue(Map<String, Agency> agencies, List<ServiceDefinition> services) {

    private static final String[][] ACTIONS = {{"ขอ", "Apply for"}, {"ตรวจสอบ", "Check"}, {"ต่ออายุ", "Renew"},
        {"ยื่นคำร้อง", "Petition for"}, {"ชำระ", "Pay"}, {"ลงทะเบียน", "Register for"}, {"แจ้งเปลี่ยนแปลง", "Update"},
        {"ยกเลิก", "Cancel"}, {"ขอสำเนา", "Copy of"}, {"ติดตามสถานะ", "Track"}};
    private static final String[][] SUBJECTS = {{"ใบอนุญาตประกอบกิจการ", "business licence", "business"},
        {"ภาษีโรงเรือน", "property tax", "tax"}, {"เบี้ยยังชีพ", "living allowance", "welfare"},
        {"ทะเบียนบ้าน", "household registration", "civil_registration"}, {"ใบขับขี่", "driving licence", "transport"},
        {"โฉนดที่ดิน", "title deed", "land"}, {"ทุนการศึกษา", "scholarship", "education"},
        {"สิทธิรักษาพยาบาล", "medical entitlement", "health"}, {"เงินชดเชย", "compensation", "employment"},
        {"หนังสือเดินทาง", "passport", "travel"}, {"บำนาญ", "pension", "pension"},
        {"ทะเบียนเกษตรกร", "farmer registration", "agriculture"}, {"ค่าน้ำประปา", "water bill", "utilities"},
        {"ใบรับรองความประพฤติ", "conduct certificate", "justice"}, {"เงินสมทบ", "contributions", "social_security"}};
    private static final String[][] PROVINCES = {{"กรุงเทพมหานคร", "Bangkok"}, {"เชียงใหม่", "Chiang Mai"},
        {"ขอนแก่น", "Khon Kaen"}, {"ภูเก็ต", "Phuket"}, {"นครราชสีมา", "Nakhon Ratchasima"},
        {"สงขลา", "Songkhla"}, {"อุดรธานี", "Udon Thani"}, {"ชลบุรี", "Chon Buri"}, {"นนทบุรี", "Nonthaburi"},
        {"สุราษฎร์ธานี", "Surat Thani"}, {"พิษณุโลก", "Phitsanulok"}, {"อุบลราชธานี", "Ubon Ratchathani"}};
    private static final Map<String, String> PURPOSES = Map.ofEntries(Map.entry("business", "business_registration"),
            Map.entry("tax", "tax_administration"), Map.entry("welfare", "welfare_benefits"),
            Map.entry("civil_registration", "civil_registration"), Map.entry("transport", "vehicle_registration"),
            Map.entry("land", "land_administration"), Map.entry("education", "education_records"),
            Map.entry("health", "health_records"), Map.entry("employment", "employment_services"),
            Map.entry("travel", "travel_documents"), Map.entry("pension", "pension_benefits"),
            Map.entry("agriculture", "agriculture_support"), Map.entry("utilities", "utility_services"),
            Map.entry("justice", "justice_services"), Map.entry("social_security", "social_security"));

    /** {@code size} active services across {@code max(20, size / 250)} agencies, from {@code seed}. */
    public static SyntheticCatalogue generate(int size, long seed) {
        Random random = new Random(seed);
        JsonMapper json = JsonMapper.builder().build();
        int agencyCount = Math.max(20, size / 250);
        Map<String, Agency> agencies = new LinkedHashMap<>();
        for (int i = 0; i < agencyCount; i++) {
            String[] p = PROVINCES[i % PROVINCES.length];
            String id = "syn-" + i;
            agencies.put(id, new Agency(id, new LocalizedText("สำนักงานสาขา " + p[0] + " หน่วยที่ " + i,
                    p[1] + " branch office no. " + i)));
        }
        List<String> ids = List.copyOf(agencies.keySet());
        List<ServiceDefinition> services = new ArrayList<>(size);
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        for (int n = 0; n < size; n++) {
            String[] action = ACTIONS[random.nextInt(ACTIONS.length)];
            String[] subject = SUBJECTS[random.nextInt(SUBJECTS.length)];
            String[] province = PROVINCES[random.nextInt(PROVINCES.length)];
            String agencyId = ids.get(random.nextInt(ids.size()));
            String id = agencyId + ".svc-" + n;
            Operation op = new Operation("status", new LocalizedText("สถานะ", "Status"), "GET", "/status", null,
                    json.readTree("{\"type\":\"object\"}"), true, Set.of(), Set.of("identity", "name"),
                    PURPOSES.get(subject[2]), "public_task", true);
            ConnectorSpec connector = new ConnectorSpec("https://" + agencyId + ".example.go.th",
                    new AgencyAuth.ApiKey("X-API-Key", agencyId + "-key"), 2000, 50, 100,
                    new ConnectorSpec.BreakerPolicy(50, 1500, 80, 10, 20, 30), new ConnectorSpec.RetryPolicy(1, 100),
                    256 * 1024);
            ServiceContent content = new ServiceContent(
                    new LocalizedText(action[0] + subject[0] + " จังหวัด" + province[0] + " (" + n + ")",
                            action[1] + " " + subject[1] + " in " + province[1] + " (" + n + ")"),
                    new LocalizedText("บริการ" + action[0] + subject[0] + "สำหรับประชาชนในจังหวัด" + province[0],
                            action[1] + " " + subject[1] + " for residents of " + province[1]),
                    subject[2], Set.of(subject[1], province[1].toLowerCase(java.util.Locale.ROOT)),
                    new Assurance(random.nextInt(3) == 0 ? "2.3" : "1.2", random.nextInt(3) == 0 ? "2.1" : "1"),
                    List.of(op), connector);
            services.add(new ServiceDefinition(id, agencyId, 1, ServiceStatus.ACTIVE, content, n + 1L,
                    at.plusSeconds(n)));
        }
        return new SyntheticCatalogue(Map.copyOf(agencies), List.copyOf(services));
    }

    /** The agency with this id. */
    public Agency agency(String id) {
        return agencies.get(id);
    }
}
