package th.onecitizen.bff.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The in-JVM identity provider mocks of the demo profile ({@code onecitizen.demo.identity-mocks}).
 *
 * @param enabled      start the mocks with the application
 * @param port         their port (0: any free port, fixed before start-up so provider URLs can name it)
 * @param clientId     OneCitizen's client id at every mock provider
 * @param clientSecret its secret there (demo only)
 * @param autoApprove  approve at once when a valid login_hint is given
 */
@ConfigurationProperties("onecitizen.demo.identity-mocks")
public record IdentityMocksProperties(boolean enabled, int port, String clientId, String clientSecret,
        Boolean autoApprove) {

    public IdentityMocksProperties {
        autoApprove = autoApprove == null || autoApprove;
    }
}
