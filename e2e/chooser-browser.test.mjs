// A real browser (Debian's chromium driven by playwright-core) goes through the provider chooser in Thai and in
// English, picks ThaiD, picks a fictitious citizen on the mock's page, and lands on the app's redirect URI with a
// code. Screenshots of the chooser go to docs/images for the docs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import * as client from 'openid-client';
import { BASE_URL, REDIRECT_URI, discover } from './support.mjs';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
// screenshots of each run go here (ignored); docs/images holds the copies the docs show
const SHOTS = new URL('./screenshots/', import.meta.url);
let browser;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
});
after(async () => browser?.close());

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
    let landed;
    // the app's loopback listener: answer it here, as the native app would
    await page.route(`${REDIRECT_URI}**`, (route) => { landed = new URL(route.request().url()); route.fulfill({ body: 'ok' }); });

    await page.goto(await authorizeUrl(locale));
    assert.equal(await page.locator('html').getAttribute('lang'), locale);
    assert.match(await page.locator('h1').innerText(), new RegExp(heading));
    const offered = await page.locator('a.provider').evaluateAll((links) => links.map((a) => a.id));
    assert.deepEqual(offered, ['idp-thaid', 'idp-mophid', 'idp-paotang', 'idp-ndid'], 'in the configured order');
    assert.match(await page.locator('#idp-thaid').innerText(), new RegExp(thaid.replace(/[()]/g, '\\$&')));
    await page.screenshot({ path: new URL(`chooser-${locale}.png`, SHOTS).pathname, fullPage: true });

    await page.click('#idp-thaid');
    await page.locator('a.citizen').first().click();
    await page.waitForURL(`${REDIRECT_URI}**`, { waitUntil: 'commit' });
    assert.ok(landed, 'reached the app');
    assert.ok(landed.searchParams.get('code'), 'with an authorization code');
    assert.equal(landed.searchParams.get('iss'), BASE_URL);
    await context.close();
  });
}
