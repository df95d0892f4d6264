package th.onecitizen.consent.dsar;

import reactor.core.publisher.Mono;

/**
 * A holder of a subject's data that erasure (s33) must reach. Each reports what it erased and what it kept and
 * why; the bff adds contributors for identity's records.
 */
public interface ErasureContributor {

    /** Erases or anonymises what has no retention duty; never fails for data already gone. */
    Mono<ErasureReport> erase(String subjectRef);

    /**
     * What one holder did.
     *
     * @param holder what holds the data
     * @param erased what was erased or anonymised
     * @param kept   what was kept, each with its legal reason
     */
    record ErasureReport(String holder, java.util.List<String> erased, java.util.List<String> kept) {
    }
}
