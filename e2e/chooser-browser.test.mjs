// A real browser (Debian's chromium driven by playwright-core) goes through the provider chooser in Thai and in
// English, picks ThaiD, picks a fictitious citizen on the mock's page, and lands on the app's redirect URI with a
// code. Screenshots of the chooser go to docs/images for the docs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import http from 'node:http';
import { chromium } from 'playwright-core';
import * as client from 'openid-client';
import { BASE_URL, REDIRECT_URI, citizenId, discover } from './support.mjs';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
// screenshots of each run go here (ignored); docs/images holds the copies the docs show
const SHOTS = new URL('./screenshots/', import.meta.url);
let browser;
let loopback;
const arrivals = []; // what reached the app's loopback redirect URI, as a native app's listener sees it (RFC 8252)

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const redirect = new URL(REDIRECT_URI);
  loopback = http.createServer((req, res) => { arrivals.push(new URL(req.url, REDIRECT_URI)); res.end('ok'); });
  await new Promise((resolve) => loopback.listen(Number(redirect.port), redirect.hostname, resolve));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
});
after(async () => {
  await browser?.close();
  await new Promise((resolve) => loopback?.close(resolve));
});

/** The first arrival at the app's redirect URI after {@code seen} earlier ones: what the app's listener received. */
async function landedAfter(page, seen) {
  for (let i = 0; i < 300 && arrivals.length <= seen; i++) await new Promise((r) => setTimeout(r, 100));
  if (arrivals.length <= seen) {
    const at = new URL(page.url());
    const text = (await page.locator('body').innerText().catch(() => '')).slice(0, 200);
    assert.fail(`nothing reached the app within 30 s; the browser is at ${at.pathname}: ${text}`);
  }
  return arrivals[seen];
}

async function authorizeUrl(locale) {
  const config = await discover('superapp');
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: REDIRECT_URI, scope: 'openid',
    code_challenge: await client.calculatePKCECodeChallenge(client.randomPKCECodeVerifier()),
    code_challenge_method: 'S256', state: client.randomState(), nonce: client.randomNonce(), ui_locales: locale,
  });
  return url.href;
}

for (const [locale, heading, thaid] of [['th', 'เข้าสู่ระบบด้วย', 'ThaiD (ไทยดี)'], ['en', 'Sign in with', 'ThaiD']]) {
  test(`browser: provider chooser in ${locale}, then ThaiD, then the app's redirect URI`, async () => {
    const context = await browser.newContext({ locale: locale === 'th' ? 'th-TH' : 'en-US' });
    const page = await context.newPage();
    const seen = arrivals.length;

    await page.goto(await authorizeUrl(locale));
    assert.equal(await page.locator('html').getAttribute('lang'), locale);
    assert.match(await page.locator('h1').innerText(), new RegExp(heading));
    const offered = await page.locator('a.provider').evaluateAll((links) => links.map((a) => a.id));
    assert.deepEqual(offered, ['idp-thaid', 'idp-mophid', 'idp-paotang', 'idp-ndid'], 'in the configured order');
    assert.match(await page.locator('#idp-thaid').innerText(), new RegExp(thaid.replace(/[()]/g, '\\$&')));
    await page.screenshot({ path: new URL(`chooser-${locale}.png`, SHOTS).pathname, fullPage: true });

    await page.click('#idp-thaid');
    await page.locator('a.citizen').first().click();
    const landed = await landedAfter(page, seen);
    assert.ok(landed, 'reached the app');
    assert.ok(landed.searchParams.get('code'), 'with an authorization code');
    assert.equal(landed.searchParams.get('iss'), BASE_URL);
    await context.close();
  });
}

test('browser: NDID from the chooser asks for the citizen ID, shows the waiting page, then reaches the app', async () => {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  const seen = arrivals.length;

  await page.goto(await authorizeUrl('en'));
  await page.click('#idp-ndid');
  await page.locator('#login_hint').waitFor({ timeout: 10000 });
  assert.equal(await page.locator('#login_hint').count(), 1, 'NDID asks for the citizen ID');
  await page.fill('#login_hint', citizenId());
  // the waiting page refreshes itself until the citizen's IdP has answered, then the server redirects to the app;
  // when it is shown, take its picture for the docs (best effort: the page may already be moving on)
  let shot = null;
  page.on('response', (r) => {
    if (shot === null && r.status() === 200 && new URL(r.url()).pathname.startsWith('/oauth2/ndid/wait/')) {
      shot = page.waitForLoadState('domcontentloaded')
        .then(() => page.screenshot({ path: new URL('ndid-waiting.png', SHOTS).pathname, fullPage: true }))
        .catch(() => {});
    }
  });
  await page.click('#continue');
  const landed = await landedAfter(page, seen);
  await shot;
  assert.ok(landed, 'reached the app');
  assert.ok(landed.searchParams.get('code'), 'with an authorization code');
  assert.equal(landed.searchParams.get('iss'), BASE_URL);
  await context.close();
});
