package th.onecitizen.bff.demo;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import th.onecitizen.mocks.agency.AgencyProfile;
import th.onecitizen.mocks.agency.PrivacyAnswers;
import th.onecitizen.mocks.agency.SampleAgencies;
import th.onecitizen.mocks.agency.SampleAgency;
import th.onecitizen.registry.service.Agency;
import th.onecitizen.registry.service.AgencyAuth;
import th.onecitizen.registry.service.Assurance;
import th.onecitizen.registry.service.ConnectorSpec;
import th.onecitizen.registry.service.LocalizedText;
import th.onecitizen.registry.service.Operation;
import th.onecitizen.registry.service.ServiceDefinition.ServiceContent;
import th.onecitizen.registry.validation.SandboxAllowList;
import tools.jackson.databind.json.JsonMapper;

/**
 * Demo only: starts the five sample agencies in this JVM ({@code onecitizen.demo.agency-mocks-port}, 0 = free
 * ports, as in tests), allows exactly their origins as sandbox origins, and describes their summary services, which
 * {@link DemoSeeder} registers as active. The {@code agency-demo} client's agency ({@code demo-agency}) owns a
 * sandbox service on the civil-registration sample, so that anyone can try the agency API at once.
 * <p>
 * For the dashboard fan-out benchmark, {@code onecitizen.demo.fan-out-latencies-ms} (a list of delays) adds one
 * agency per delay ({@code fanout01}, {@code fanout02}, ...), each with a summary service on its own path of one of
 * the API-key sample agencies (round robin), answering after its own delay.
 */
@Component
@Profile("demo")
public final class AgencyMocksLauncher implements AutoCloseable {

    /** The agency of the demo agency client {@code agency-demo}. */
    public static final String DEMO_AGENCY = "demo-agency";
    /** The demo agency's sandbox service. */
    public static final String SANDBOX_SERVICE = DEMO_AGENCY + ".sandbox-household";

    private static final Map<String, String[]> SERVICES = Map.of(
            "dopa", new String[] {"household", "civil_registration", "civil_registration", "ข้อมูลทะเบียนบ้าน",
                "Household registration", "household,address"},
            "rd", new String[] {"refund-status", "tax_administration", "tax", "สถานะการคืนภาษีเงินได้",
                "Income tax refund status", "tax,income"},
            "sso", new String[] {"insured-summary", "social_security", "social_security", "สิทธิประกันสังคมของฉัน",
                "My social security entitlements", "social_security,employment"},
            "moph", new String[] {"immunization", "health_records", "health", "ประวัติการฉีดวัคซีน",
                "Vaccination records", "vaccination"},
            "dlt", new String[] {"vehicles", "vehicle_registration", "transport", "รถที่จดทะเบียนในชื่อฉัน",
                "Vehicles registered to me", "vehicle,driving_licence"});

    /** The sample agencies that receive exports sent directly by OneCitizen (s31). */
    public static final Set<String> RECEIVERS = Set.of("sso", "moph");
    /** The prefix of the fan-out benchmark's agencies and of their paths. */
    static final String FAN_OUT = "fanout";
    private static final List<String> API_KEY_SAMPLES = List.of("dopa", "sso", "moph", "dlt");

    private final SampleAgencies agencies;
    private final List<Integer> fanOutLatencies;
    private final JsonMapper json = JsonMapper.builder().build();

    public AgencyMocksLauncher(Environment env, SandboxAllowList sandbox) {
        this.agencies = new SampleAgencies(env.getProperty("onecitizen.demo.agency-mocks-port", Integer.class, 0));
        agencies.all().forEach(a -> sandbox.add(a.baseUrl()));
        // a real agency answers in tens of milliseconds, not in a fraction of one: benchmarks set a latency here
        int latency = env.getProperty("onecitizen.demo.agency-mocks-latency-ms", Integer.class, 0);
        if (latency > 0) {
            agencies.all().forEach(a -> {
                a.slowMillis(latency);
                a.fault(th.onecitizen.mocks.agency.FaultMode.SLOW);
            });
        }
        Integer[] fanOut = env.getProperty("onecitizen.demo.fan-out-latencies-ms", Integer[].class);
        this.fanOutLatencies = fanOut == null ? List.of() : List.of(fanOut);
        for (int i = 0; i < fanOutLatencies.size(); i++) {
            agencies.get(API_KEY_SAMPLES.get(i % API_KEY_SAMPLES.size())).extraPath(fanOutPath(i),
                    fanOutLatencies.get(i));
        }
    }

    private static String fanOutId(int i) {
        return FAN_OUT + String.format(java.util.Locale.ROOT, "%02d", i + 1);
    }

    private static String fanOutPath(int i) {
        return "/" + FAN_OUT + "/v1/" + fanOutId(i);
    }

    /** The running sample agencies (tests switch their fault modes). */
    public SampleAgencies agencies() {
        return agencies;
    }

    /** The sample agencies' summary services and the demo agency's sandbox service. */
    List<DemoCatalogue.Entry> services() {
        List<DemoCatalogue.Entry> out = new java.util.ArrayList<>();
        for (SampleAgency a : agencies.all()) {
            AgencyProfile p = a.profile();
            String[] s = SERVICES.get(p.id());
            out.add(new DemoCatalogue.Entry(new Agency(p.id(), new LocalizedText(p.nameTh(), p.nameEn())),
                    p.id() + "." + s[0], content(a, s, p.id())));
        }
        SampleAgency dopa = agencies.get("dopa");
        String[] s = SERVICES.get("dopa");
        ServiceContent sandboxed = content(dopa, s, "demo-agency");
        out.add(new DemoCatalogue.Entry(new Agency(DEMO_AGENCY, new LocalizedText("หน่วยงานทดลอง (แซนด์บ็อกซ์)",
                "Demo agency (sandbox)")), SANDBOX_SERVICE, new ServiceContent(
                        new LocalizedText("ทะเบียนบ้าน (แซนด์บ็อกซ์)", "Household registration (sandbox)"),
                        new LocalizedText("บริการทดลองของหน่วยงานตัวอย่าง เรียกระบบทะเบียนราษฎรจำลอง",
                                "The demo agency's sandbox service, backed by the sample civil registration API"),
                        sandboxed.category(), Set.of("sandbox"), sandboxed.minAssurance(), sandboxed.operations(),
                        sandboxed.connector())));
        for (int i = 0; i < fanOutLatencies.size(); i++) {
            SampleAgency mock = agencies.get(API_KEY_SAMPLES.get(i % API_KEY_SAMPLES.size()));
            String id = fanOutId(i);
            ServiceContent base = content(mock, SERVICES.get("dopa"), id);
            Operation o = base.operations().get(0);
            Operation summary = new Operation(o.id(), o.name(), o.method(), fanOutPath(i), o.requestSchema(),
                    o.responseSchema(), o.idempotent(), o.sendsCategories(), o.receivesCategories(), o.purposeId(),
                    o.lawfulBasis(), o.dashboard());
            out.add(new DemoCatalogue.Entry(new Agency(id, new LocalizedText("หน่วยงานทดสอบโหลด " + (i + 1),
                    "Fan-out benchmark agency " + (i + 1))), id + ".summary", new ServiceContent(
                            new LocalizedText("ข้อมูลสรุป " + id, "Summary of " + id), base.description(),
                            base.category(), Set.of(FAN_OUT), base.minAssurance(), List.of(summary),
                            base.connector())));
        }
        return out;
    }

    private ServiceContent content(SampleAgency a, String[] s, String agencyId) {
        AgencyProfile p = a.profile();
        Set<String> received = Set.of(("identity," + s[5]).split(","));
        AgencyAuth auth = p.apiKey() != null ? new AgencyAuth.ApiKey("X-API-Key", p.id() + "-key")
                : new AgencyAuth.ClientCredentials(a.baseUrl() + "/oauth/token", AgencyProfile.OAUTH_CLIENT_ID,
                        "rd-secret", "");
        Operation summary = new Operation("summary", new LocalizedText("ข้อมูลสรุป", "Summary"), "GET", p.path(),
                null, json.readTree("{\"type\":\"object\"}"), true, Set.of(), received, s[1],
                "health_records".equals(s[1]) ? "consent" : "public_task", true);
        // the sample agencies take data-subject rights requests; social security and public health also receive
        // a citizen's export directly (s31), the others cannot
        ConnectorSpec.PrivacyEndpoints privacy = !p.id().equals(agencyId) ? null
                : new ConnectorSpec.PrivacyEndpoints(PrivacyAnswers.ACCESS_PATH, PrivacyAnswers.CORRECTION_PATH,
                        RECEIVERS.contains(p.id()) ? PrivacyAnswers.PORTABILITY_PATH : null);
        ConnectorSpec spec = new ConnectorSpec(a.baseUrl(), auth, 1000, 50, 1000,
                new ConnectorSpec.BreakerPolicy(50, 800, 80, 10, 20, 10), new ConnectorSpec.RetryPolicy(2, 50),
                256 * 1024, privacy);
        String nameTh = "demo-agency".equals(agencyId) ? "หน่วยงานทดลอง" : p.nameTh();
        String nameEn = "demo-agency".equals(agencyId) ? "demo agency" : p.nameEn();
        return new ServiceContent(new LocalizedText(s[3], s[4]), new LocalizedText(s[3] + " จาก" + nameTh,
                s[4] + " from the " + nameEn), s[2], Set.of(p.id()), new Assurance("2.1", "2.1"), List.of(summary),
                spec);
    }

    @Override
    public void close() {
        agencies.close();
    }
}
