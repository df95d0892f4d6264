package th.onecitizen.bff.oauth;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import th.onecitizen.bff.demo.IdentityMocksLauncher;
import th.onecitizen.identity.IdentityProperties;

/**
 * For application tests that drive the authorization server against the upstream mocks: a fresh {@link OAuthDriver}
 * (its own cookies) per test, and the mocks back to their default scenario before and after each test.
 */
abstract class AgainstIdentityMocks {

    @Autowired
    IdentityProperties identity;
    @Autowired
    IdentityMocksLauncher mocks;

    OAuthDriver driver;

    @BeforeEach
    void freshDriverAndDefaultMocks() {
        driver = new OAuthDriver(identity.issuer());
        mocks.mocks().reset();
    }

    @AfterEach
    void mocksBackToDefault() {
        mocks.mocks().reset();
    }
}
