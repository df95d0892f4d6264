package th.onecitizen.bff.demo;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import th.onecitizen.mocks.idp.IdentityMocks;

/**
 * Starts the ThaiD, MOPH ID, Pao Tang and NDID mocks inside the application in the demo profile, so the whole login
 * works on one machine; tests reach them through {@link #mocks()} to switch scenarios.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "onecitizen.demo.identity-mocks.enabled", havingValue = "true")
public final class IdentityMocksLauncher implements DisposableBean {

    private final IdentityMocks mocks;

    public IdentityMocksLauncher(IdentityMocksProperties properties) {
        this.mocks = IdentityMocks.start(properties.port(), properties.clientId(), properties.clientSecret(),
                properties.autoApprove());
    }

    /** The running mocks. */
    public IdentityMocks mocks() {
        return mocks;
    }

    @Override
    public void destroy() {
        mocks.close();
    }
}
