/**
 * Stand-ins for the upstream identity providers (ThaiD, MOPH ID, Pao Tang, NDID) on one WireMock server, each
 * speaking its real protocol with its quirks (see PROVIDERS.md), its own keys and its own state. Shares no code
 * with OneCitizen: the checksum and everything else are re-implemented here on purpose.
 */
package th.onecitizen.mocks.idp;
