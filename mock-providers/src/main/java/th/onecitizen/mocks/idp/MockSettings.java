package th.onecitizen.mocks.idp;

/**
 * How the mocks are set up.
 *
 * @param baseUrl      the server's base URL, e.g. {@code http://127.0.0.1:8089}
 * @param clientId     the one relying party the mocks know (OneCitizen)
 * @param clientSecret its secret (or NDID x-api-key)
 * @param autoApprove  approve at once when a valid login_hint is given (demo); otherwise show a picker
 * @param slowMillis   the delay of the SLOW scenario
 */
public record MockSettings(String baseUrl, String clientId, String clientSecret, boolean autoApprove,
        int slowMillis) {
}
