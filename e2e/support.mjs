// Shared helpers for the outside-in tests. BASE_URL names the running OneCitizen (the demo jar).
import * as client from 'openid-client';

export const BASE_URL = process.env.BASE_URL ?? 'http://127.0.0.1:8080';
export const REDIRECT_URI = 'http://127.0.0.1:45123/callback'; // the loopback redirect of the native app (RFC 8252)

/** A fictitious, checksum-valid 13-digit citizen ID (mod 11 over 12 digits, weights 13..2). */
export function citizenId() {
  const d = [1 + Math.floor(Math.random() * 8)];
  for (let i = 0; i < 11; i++) d.push(Math.floor(Math.random() * 10));
  const sum = d.reduce((s, x, i) => s + x * (13 - i), 0);
  d.push((11 - (sum % 11)) % 10);
  return d.join('');
}

/** openid-client configuration by discovery (plain HTTP is allowed only because the demo runs on loopback). */
export async function discover(clientId, clientAuth = client.None(), metadata = undefined) {
  return client.discovery(new URL(BASE_URL), clientId, metadata, clientAuth, {
    execute: [client.allowInsecureRequests],
  });
}

/**
 * Follows the authorization redirects like a browser with cookies, re-polling a waiting page (NDID) until it
 * redirects, and returns the URL of the redirect to the app's redirect URI.
 */
export async function followToRedirectUri(startUrl, { timeoutMs = 30000 } = {}) {
  const jar = new Map();
  let url = new URL(startUrl);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (url.href.startsWith(REDIRECT_URI)) return url;
    const cookie = jar.get(url.host);
    const res = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
    const set = res.headers.getSetCookie?.() ?? [];
    if (set.length) {
      const pairs = new Map((jar.get(url.host) ?? '').split('; ').filter(Boolean).map((c) => c.split('=')));
      for (const c of set) { const [kv] = c.split(';'); const [k, ...v] = kv.split('='); pairs.set(k, v.join('=')); }
      jar.set(url.host, [...pairs].map(([k, v]) => `${k}=${v}`).join('; '));
    }
    if (res.status >= 300 && res.status < 400) {
      url = new URL(res.headers.get('location'), url);
      continue;
    }
    if (res.status === 200) { // a waiting page: poll it again, as its refresh does in a browser
      await res.arrayBuffer();
      await new Promise((r) => setTimeout(r, 500));
      continue;
    }
    throw new Error(`unexpected ${res.status} at ${url.pathname}: ${(await res.text()).slice(0, 200)}`);
  }
  throw new Error('no redirect to the app within the time limit');
}
