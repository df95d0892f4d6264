package th.onecitizen.mocks.agency;

import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The five sample agencies (civil registration, tax, social security, vaccination records, vehicle registration),
 * each on its own port. Runs in-JVM in the demo and in tests, or standalone as the agencies' sandbox:
 * {@code java -cp mock-providers.jar th.onecitizen.mocks.agency.SampleAgencies [firstPort]}.
 */
public final class SampleAgencies implements AutoCloseable {

    private final Map<String, SampleAgency> agencies = new LinkedHashMap<>();

    /** Starts every sample agency; port 0 picks free ports, else ports {@code firstPort..firstPort+4}. */
    public SampleAgencies(int firstPort) {
        List<AgencyProfile> profiles = AgencyProfile.samples();
        for (int i = 0; i < profiles.size(); i++) {
            AgencyProfile p = profiles.get(i);
            agencies.put(p.id(), new SampleAgency(p, firstPort == 0 ? 0 : firstPort + i));
        }
    }

    /** The agency with this id. */
    public SampleAgency get(String agencyId) {
        SampleAgency a = agencies.get(agencyId);
        if (a == null) {
            throw new IllegalArgumentException("No sample agency " + agencyId);
        }
        return a;
    }

    /** All sample agencies, in a stable order. */
    public List<SampleAgency> all() {
        return new ArrayList<>(agencies.values());
    }

    /** Puts every agency back to normal. */
    public void heal() {
        agencies.values().forEach(a -> {
            a.fault(FaultMode.NONE);
            a.privacyFault(FaultMode.NONE);
            a.holdsNoData(false);
        });
    }

    @Override
    public void close() {
        agencies.values().forEach(SampleAgency::close);
    }

    /** Standalone sandbox. */
    public static void main(String[] args) throws InterruptedException {
        int first = args.length > 0 ? Integer.parseInt(args[0]) : 18100;
        SampleAgencies sandbox = new SampleAgencies(first);
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close));
        for (SampleAgency a : sandbox.all()) {
            LoggerFactory.getLogger(SampleAgencies.class).info("Sample agency {} at {}{}", a.profile().id(),
                    a.baseUrl(), a.profile().path());
        }
        Thread.currentThread().join();
    }
}
