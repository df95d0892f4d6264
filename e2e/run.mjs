// End-to-end checks against the packaged application in the demo profile (its in-JVM mock providers):
// 1. the provider chooser (Thai and English) and the NDID waiting page in headless Debian chromium, with screenshots;
// 2. openid-client (a certified OpenID Connect relying party, not written here) doing code + PKCE through every
//    provider: ID token validation, userinfo, refresh, revocation.
// Usage: ../mvnw -B -o -q -pl bff -am package -DskipTests && npm install && node run.mjs
// Environment: ONECITIZEN_TEST_DB (default oc_identity), ONECITIZEN_TEST_REDIS_DB (default 1), CHROMIUM (/usr/bin/chromium).
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import net from 'node:net';
import { chromium } from 'playwright-core';
import * as oidc from 'openid-client';

const jar = new URL('../bff/target/onecitizen-bff.jar', import.meta.url).pathname;
const shots = new URL('../docs/images/', import.meta.url).pathname;
const db = process.env.ONECITIZEN_TEST_DB ?? 'oc_identity';
const redisDb = process.env.ONECITIZEN_TEST_REDIS_DB ?? '1';
const APP_REDIRECT = 'http://127.0.0.1/callback';
let failures = 0;

function check(condition, what) {
  if (condition) {
    console.log(`ok   ${what}`);
  } else {
    failures++;
    console.log(`FAIL ${what}`);
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** A random checksum-valid (fictitious) Thai citizen ID. */
function citizenId() {
  const d = [1 + Math.floor(Math.random() * 8)];
  for (let i = 0; i < 11; i++) d.push(Math.floor(Math.random() * 10));
  const sum = d.reduce((s, x, i) => s + x * (13 - i), 0);
  d.push((11 - (sum % 11)) % 10);
  return d.join('');
}

async function waitReady(base, app) {
  for (let i = 0; i < 240; i++) {
    if (app.exitCode !== null) throw new Error('the application exited');
    try {
      const r = await fetch(`${base}/actuator/health/readiness`);
      if (r.status === 200) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the application did not become ready');
}

/** Follows redirects (and the NDID waiting page) until the app's redirect URI; returns that URL. */
async function toCallback(url) {
  let next = url.toString();
  for (let hops = 0; hops < 60; hops++) {
    if (next.startsWith(APP_REDIRECT)) return new URL(next);
    const r = await fetch(next, { redirect: 'manual' });
    const location = r.headers.get('location');
    if (location) {
      next = new URL(location, next).toString();
      continue;
    }
    const body = await r.text();
    if (r.status === 200 && body.includes('http-equiv="refresh"')) {
      await new Promise((res) => setTimeout(res, 300));
      continue;
    }
    throw new Error(`stuck at ${new URL(next).pathname} with status ${r.status}`);
  }
  throw new Error('too many redirects');
}

async function browserChecks(base) {
  mkdirSync(shots, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 480, height: 640 } });
    let callback = null;
    // nothing listens at the app's redirect URI: the request itself (seen even when reached by a redirect) is
    // what the app would receive
    page.on('request', (request) => {
      if (request.url().startsWith(APP_REDIRECT)) callback = new URL(request.url());
    });
    const verifier = oidc.randomPKCECodeVerifier();
    const params = new URLSearchParams({
      response_type: 'code', client_id: 'superapp', redirect_uri: APP_REDIRECT, scope: 'openid profile',
      state: 'browser-state', nonce: 'browser-nonce', code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256', ui_locales: 'th',
    });
    await page.goto(`${base}/oauth2/authorize?${params}`);
    check((await page.textContent('h1')).includes('เข้าสู่ระบบด้วย'), 'chooser in Thai');
    check(await page.locator('a.provider').count() === 4, 'chooser lists the four providers');
    await page.screenshot({ path: `${shots}chooser-th.png`, fullPage: true });
    await page.click('#lang-en');
    check((await page.textContent('h1')).includes('Sign in with'), 'chooser in English');
    await page.screenshot({ path: `${shots}chooser-en.png`, fullPage: true });
    await page.click('#idp-thaid');
    // the ThaiD mock shows its picker: a human picks a fictitious citizen
    await page.click('a.citizen >> nth=0', { noWaitAfter: true }).catch(() => {});
    for (let i = 0; i < 40 && callback === null; i++) await page.waitForTimeout(250);
    check(callback?.searchParams.get('code') && callback.searchParams.get('state') === 'browser-state'
      && callback.searchParams.get('iss') === base, 'chooser -> ThaiD picker -> app with code, state and iss');

    // NDID from the chooser: the citizen types their ID, then waits for their IdP
    callback = null;
    await page.goto(`${base}/oauth2/authorize?${params}`);
    await page.click('#idp-ndid');
    check(await page.locator('#login_hint').count() === 1, 'NDID asks for the citizen ID');
    await page.fill('#login_hint', citizenId());
    await page.click('#continue', { noWaitAfter: true }).catch(() => {});
    for (let i = 0; i < 40 && callback === null; i++) await page.waitForTimeout(250);
    check(callback?.searchParams.get('code'), 'chooser -> NDID citizen ID form -> waiting page -> app with code');

    callback = null;
    const ndid = new URLSearchParams(params);
    ndid.set('idp_hint', 'ndid');
    ndid.set('login_hint', citizenId());
    ndid.set('ui_locales', 'en');
    await page.goto(`${base}/oauth2/authorize?${ndid}`).catch(() => {});
    check(await page.locator('#waiting').count() === 1 || callback !== null, 'NDID waiting page shown');
    if (callback === null) await page.screenshot({ path: `${shots}ndid-waiting.png`, fullPage: true });
    for (let i = 0; i < 40 && callback === null; i++) await page.waitForTimeout(250);
    check(callback?.searchParams.get('code'), 'NDID waiting page continues to the app with a code');
  } finally {
    await browser.close();
  }
}

async function certifiedClientChecks(base) {
  const config = await oidc.discovery(new URL(base), 'superapp', undefined, oidc.None(), {
    execute: [oidc.allowInsecureRequests],
  });
  for (const idp of ['thaid', 'mophid', 'paotang', 'ndid']) {
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: APP_REDIRECT, scope: 'openid profile offline_access', state, nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256',
      idp_hint: idp, login_hint: citizenId(),
    });
    const callback = await toCallback(url);
    const tokens = await oidc.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce, idTokenExpected: true,
    });
    const claims = tokens.claims();
    check(claims?.sub && claims.acr?.startsWith('urn:th:ial:') && claims.idp === idp,
      `${idp}: code + PKCE, ID token validated by openid-client (acr ${claims?.acr})`);
    const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
    check(info.sub === claims.sub, `${idp}: userinfo`);
    const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token);
    check(refreshed.access_token && refreshed.refresh_token !== tokens.refresh_token, `${idp}: refresh rotates`);
    await oidc.tokenRevocation(config, refreshed.refresh_token);
    let refused = false;
    try {
      await oidc.refreshTokenGrant(config, refreshed.refresh_token);
    } catch (e) {
      refused = e?.error === 'invalid_grant' || String(e).includes('invalid_grant');
    }
    check(refused, `${idp}: revoked refresh token refused`);
  }
}

const port = await freePort();
const mocksPort = await freePort();
const base = `http://127.0.0.1:${port}`;
const app = spawn('java', ['-Xmx512m', '-jar', jar, '--spring.profiles.active=demo', `--server.port=${port}`,
  `--onecitizen.demo.identity-mocks.port=${mocksPort}`,
  `--spring.r2dbc.url=r2dbc:postgresql://127.0.0.1:5432/${db}`, `--spring.data.redis.database=${redisDb}`,
  '--onecitizen.demo.embedded-fallback=false'], { stdio: ['ignore', 'ignore', 'inherit'] });
try {
  await waitReady(base, app);
  await browserChecks(base);
  await certifiedClientChecks(base);
} catch (e) {
  failures++;
  console.log(`FAIL ${e?.stack ?? e}`);
} finally {
  app.kill('SIGTERM');
}
console.log(failures === 0 ? 'all end-to-end checks passed' : `${failures} end-to-end check(s) failed`);
process.exit(failures === 0 ? 0 : 1);
