// A confidential kiosk client (private_key_jwt) signs a citizen in through NDID with OpenID CIBA in poll mode,
// using the certified client's own CIBA and private_key_jwt implementations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as client from 'openid-client';
import { citizenId, discover } from './support.mjs';

// The kiosk's demo key, as documented for the demo (its kid carries DEMO-ONLY; production refuses such keys).
const KIOSK_JWK = {
  kty: 'EC', crv: 'P-256', kid: 'DEMO-ONLY-kiosk-1', alg: 'ES256', use: 'sig',
  d: 'J-MiIIGu84CKrGD_sT1IM70-g0DYZKRu4IamDEwgacM',
  x: 'Y4rRDMtZ67AV16oStfzF-MCmEf1XBupIcv1p_iVN9r4',
  y: 'BlaeNMO-GuvF4qnraoatWngjnU8BBaY4Z_F6ibEhBFQ',
};

test('certified client: CIBA poll mode with private_key_jwt through NDID', async () => {
  const key = await crypto.subtle.importKey('jwk', KIOSK_JWK, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
  const config = await discover('kiosk', client.PrivateKeyJwt({ key, kid: KIOSK_JWK.kid }));
  assert.ok(config.serverMetadata().backchannel_authentication_endpoint);

  const response = await client.initiateBackchannelAuthentication(config, {
    scope: 'openid', login_hint: citizenId(), binding_message: 'OneCitizen kiosk 42',
  });
  assert.ok(response.auth_req_id);

  const tokens = await client.pollBackchannelAuthenticationGrant(config, response);
  const claims = tokens.claims();
  assert.ok(claims.sub);
  assert.equal(claims.idp, 'ndid');
  assert.match(String(claims.acr), /^urn:th:ial:/);
});
