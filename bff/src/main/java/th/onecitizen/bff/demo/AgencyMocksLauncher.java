package th.onecitizen.bff.demo;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import th.onecitizen.mocks.agency.AgencyProfile;
import th.onecitizen.mocks.agency.SampleAgencies;
import th.onecitizen.mocks.agency.SampleAgency;
import th.onecitizen.registry.catalogue.CatalogueChanges;
import th.onecitizen.registry.service.Agency;
import th.onecitizen.registry.service.AgencyAuth;
import th.onecitizen.registry.service.Assurance;
import th.onecitizen.registry.service.ConnectorSpec;
import th.onecitizen.registry.service.LocalizedText;
import th.onecitizen.registry.service.Operation;
import th.onecitizen.registry.service.ServiceDefinition.ServiceContent;
import th.onecitizen.registry.service.ServiceStatus;
import th.onecitizen.registry.service.ServiceStore;
import tools.jackson.databind.json.JsonMapper;

/**
 * Demo only: starts the five sample agencies in this JVM ({@code onecitizen.demo.agency-mocks-port}, 0 = free
 * ports, as in tests), allows exactly their origins as sandbox origins, and registers their summary services as
 * active (operator-seeded demo data, written at start-up on the main thread, never on a request path).
 */
@Component
@Profile("demo")
public final class AgencyMocksLauncher implements ApplicationRunner, AutoCloseable {

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

    private final SampleAgencies agencies;
    private final ServiceStore store;
    private final CatalogueChanges changes;
    private final th.onecitizen.registry.validation.SandboxAllowList sandbox;

    public AgencyMocksLauncher(Environment env, ServiceStore store, CatalogueChanges changes,
            th.onecitizen.registry.validation.SandboxAllowList sandbox) {
        this.agencies = new SampleAgencies(env.getProperty("onecitizen.demo.agency-mocks-port", Integer.class, 0));
        this.store = store;
        this.changes = changes;
        this.sandbox = sandbox;
        agencies.all().forEach(a -> sandbox.add(a.baseUrl()));
    }

    /** The running sample agencies (tests switch their fault modes). */
    public SampleAgencies agencies() {
        return agencies;
    }

    @Override
    public void run(ApplicationArguments args) {
        JsonMapper json = JsonMapper.builder().build();
        Long last = Flux.fromIterable(agencies.all()).concatMap(a -> {
            AgencyProfile p = a.profile();
            String[] s = SERVICES.get(p.id());
            String id = p.id() + "." + s[0];
            return store.saveAgency(new Agency(p.id(), new LocalizedText(p.nameTh(), p.nameEn())))
                    .then(store.find(id).map(existing -> existing.version()).defaultIfEmpty(0))
                    .flatMap(version -> store.write(id, p.id(), version, ServiceStatus.ACTIVE,
                            content(a, s, json), "demo-seed"));
        }).map(d -> d.changeSeq()).reduce(0L, Math::max).block();
        changes.announce(last).block();
    }

    private static ServiceContent content(SampleAgency a, String[] s, JsonMapper json) {
        AgencyProfile p = a.profile();
        Set<String> received = Set.of(("identity," + s[5]).split(","));
        AgencyAuth auth = p.apiKey() != null ? new AgencyAuth.ApiKey("X-API-Key", p.id() + "-key")
                : new AgencyAuth.ClientCredentials(a.baseUrl() + "/oauth/token", AgencyProfile.OAUTH_CLIENT_ID,
                        "rd-secret", "");
        Operation summary = new Operation("summary", new LocalizedText("ข้อมูลสรุป", "Summary"), "GET", p.path(),
                null, json.readTree("{\"type\":\"object\"}"), true, Set.of(), received, s[1],
                "health_records".equals(s[1]) ? "consent" : "public_task", true);
        ConnectorSpec spec = new ConnectorSpec(a.baseUrl(), auth, 1000, 50, 200,
                new ConnectorSpec.BreakerPolicy(50, 800, 80, 10, 20, 10), new ConnectorSpec.RetryPolicy(2, 50),
                256 * 1024);
        return new ServiceContent(new LocalizedText(s[3], s[4]), new LocalizedText(s[3] + " จาก" + p.nameTh(),
                s[4] + " from the " + p.nameEn()), s[2], Set.of(p.id()), new Assurance("2.1", 2), List.of(summary),
                spec);
    }

    @Override
    public void close() {
        agencies.close();
    }
}
