/**
 * Stand-ins for the upstream identity providers (ThaiD, MOPH ID, Pao Tang, NDID) on one HTTP server (the JDK's
 * {@code com.sun.net.httpserver}: WireMock cost a benchmarked login more CPU than the mock's own work), each
 * speaking its real protocol with its quirks (see PROVIDERS.md), its own keys and its own state. Shares no code
 * with OneCitizen: the checksum and everything else are re-implemented here on purpose.
 */
package th.onecitizen.mocks.idp;
