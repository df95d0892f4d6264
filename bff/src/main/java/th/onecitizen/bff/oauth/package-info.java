/**
 * The app-facing OAuth 2.0 / OpenID Connect authorization server endpoints: discovery, JWKS, authorize (with the
 * provider chooser and the NDID waiting page), upstream callbacks, token, userinfo, revoke, end-session, CIBA and
 * the NDID node's webhook. The protocol logic lives in {@code th.onecitizen.identity.authorization}.
 */
package th.onecitizen.bff.oauth;
