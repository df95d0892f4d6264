/**
 * The upstream identity providers: one SPI ({@link th.onecitizen.identity.upstream.IdentityProvider}), one adapter
 * per provider chosen by configuration, strict validation of everything they return, timeouts and breakers.
 */
package th.onecitizen.identity.upstream;
