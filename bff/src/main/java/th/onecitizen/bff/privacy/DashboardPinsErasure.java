package th.onecitizen.bff.privacy;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import th.onecitizen.connectors.dashboard.DashboardPins;
import th.onecitizen.consent.dsar.ErasureContributor;

/**
 * Erasure (s33) reaches the connectors' dashboard pins: the services a citizen pinned are their preference, with no
 * retention duty. The bff composes it, since consent does not import connectors.
 */
@Component
public final class DashboardPinsErasure implements ErasureContributor {

    private final ObjectProvider<DashboardPins> pins;

    public DashboardPinsErasure(ObjectProvider<DashboardPins> pins) {
        this.pins = pins;
    }

    @Override
    public Mono<ErasureReport> erase(String subjectRef) {
        DashboardPins p = pins.getIfAvailable();
        if (p == null) {
            return Mono.just(new ErasureReport("connectors", List.of(), List.of()));
        }
        return p.forget(subjectRef).map(n -> new ErasureReport("connectors",
                List.of("dashboard pins (" + n + ")"), List.of()));
    }
}
