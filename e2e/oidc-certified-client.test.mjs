// An independent, OpenID-certified relying party (openid-client by panva) completes the code + PKCE flow through
// each upstream provider, validates the ID token, calls userinfo, refreshes, detects refresh-token reuse, and
// revokes. Nothing here is written against OneCitizen's internals: only discovery and the standard protocol.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as client from 'openid-client';
import { BASE_URL, REDIRECT_URI, citizenId, discover, followToRedirectUri } from './support.mjs';

for (const idp of ['thaid', 'mophid', 'paotang', 'ndid']) {
  test(`certified client: code + PKCE through ${idp}, ID token, userinfo, refresh, reuse detection, revoke`, async () => {
    const config = await discover('superapp');
    assert.equal(config.serverMetadata().issuer, BASE_URL);

    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const authUrl = client.buildAuthorizationUrl(config, {
      redirect_uri: REDIRECT_URI,
      scope: 'openid profile offline_access',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state, nonce,
      idp_hint: idp,
      login_hint: citizenId(),
    });

    const callback = await followToRedirectUri(authUrl);
    assert.equal(callback.searchParams.get('iss'), BASE_URL, 'RFC 9207 iss on the authorization response');

    const tokens = await client.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce, idTokenExpected: true,
    });
    const claims = tokens.claims();
    assert.ok(claims.sub, 'sub');
    assert.doesNotMatch(claims.sub, /^\d{13}$/, 'sub is opaque, never the citizen ID');
    assert.match(String(claims.acr), /^urn:th:ial:/, 'acr on the Thai scale');
    assert.ok(tokens.refresh_token, 'refresh token for offline_access');

    const userinfo = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
    assert.equal(userinfo.sub, claims.sub);

    const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token);
    assert.ok(refreshed.access_token);
    assert.notEqual(refreshed.refresh_token, tokens.refresh_token, 'refresh tokens rotate');

    await assert.rejects(client.refreshTokenGrant(config, tokens.refresh_token),
      (e) => e.error === 'invalid_grant', 'a reused refresh token is refused');
    await assert.rejects(client.refreshTokenGrant(config, refreshed.refresh_token),
      (e) => e.error === 'invalid_grant', 'reuse revoked the whole family');

    const again = await loginAndGetTokens(config, idp);
    await client.tokenRevocation(config, again.refresh_token);
    await assert.rejects(client.refreshTokenGrant(config, again.refresh_token),
      (e) => e.error === 'invalid_grant', 'a revoked refresh token is refused');
  });
}

async function loginAndGetTokens(config, idp) {
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: REDIRECT_URI, scope: 'openid offline_access',
    code_challenge: await client.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256',
    state, nonce, idp_hint: idp, login_hint: citizenId(),
  });
  return client.authorizationCodeGrant(config, await followToRedirectUri(url), {
    pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce,
  });
}
