// Throughput of the packaged application in the demo profile (in-JVM mocks): full login round trips through the
// ThaiD mock (authorize -> mock -> callback -> token), refresh-token rotation, client credentials.
// Usage: ./mvnw -B -q -pl bff -am package -DskipTests && node benchmarks/login.mjs [seconds] [concurrency]
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import net from 'node:net';

const seconds = Number(process.argv[2] ?? 15);
const concurrency = Number(process.argv[3] ?? 8);
const jar = new URL('../bff/target/onecitizen-bff.jar', import.meta.url).pathname;
const APP_REDIRECT = 'http://127.0.0.1/callback';

const freePort = () => new Promise((resolve) => {
  const s = net.createServer();
  s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});
const b64 = (buf) => buf.toString('base64url');
function citizenId() {
  const d = [1 + Math.floor(Math.random() * 8)];
  for (let i = 0; i < 11; i++) d.push(Math.floor(Math.random() * 10));
  d.push((11 - (d.reduce((s, x, i) => s + x * (13 - i), 0) % 11)) % 10);
  return d.join('');
}
const pct = (xs, p) => xs.sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

async function login(base) {
  const verifier = b64(randomBytes(32));
  const q = new URLSearchParams({ response_type: 'code', client_id: 'superapp', redirect_uri: APP_REDIRECT,
    scope: 'openid profile offline_access', state: b64(randomBytes(8)), nonce: b64(randomBytes(8)),
    code_challenge: b64(createHash('sha256').update(verifier).digest()), code_challenge_method: 'S256',
    idp_hint: 'thaid', login_hint: citizenId() });
  let next = `${base}/oauth2/authorize?${q}`;
  while (!next.startsWith(APP_REDIRECT)) {
    const r = await fetch(next, { redirect: 'manual' });
    next = new URL(r.headers.get('location'), next).toString();
  }
  const code = new URL(next).searchParams.get('code');
  const t = await fetch(`${base}/oauth2/token`, { method: 'POST', headers: { 'content-type':
    'application/x-www-form-urlencoded' }, body: new URLSearchParams({ grant_type: 'authorization_code', code,
    redirect_uri: APP_REDIRECT, client_id: 'superapp', code_verifier: verifier }) });
  return (await t.json()).refresh_token;
}

async function run(name, op) {
  const latencies = [];
  const end = Date.now() + seconds * 1000;
  let errors = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    let state = undefined;
    while (Date.now() < end) {
      const t0 = performance.now();
      try {
        state = await op(state);
        latencies.push(performance.now() - t0);
      } catch { errors++; }
    }
  }));
  console.log(`${name}: ${(latencies.length / seconds).toFixed(0)}/s, p50 ${pct(latencies, 0.5).toFixed(1)} ms, `
    + `p99 ${pct(latencies, 0.99).toFixed(1)} ms, errors ${errors} (concurrency ${concurrency}, ${seconds} s)`);
}

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const app = spawn('java', ['-jar', jar, '--spring.profiles.active=demo', `--server.port=${port}`,
  `--onecitizen.demo.identity-mocks.port=${await freePort()}`,
  `--spring.r2dbc.url=r2dbc:postgresql://127.0.0.1:5432/${process.env.ONECITIZEN_TEST_DB ?? 'oc_identity'}`,
  `--spring.data.redis.database=${process.env.ONECITIZEN_TEST_REDIS_DB ?? '1'}`,
  '--onecitizen.demo.embedded-fallback=false', '--logging.level.root=WARN'], { stdio: 'ignore' });
try {
  for (let i = 0; i < 240; i++) {
    try { if ((await fetch(`${base}/actuator/health/readiness`)).status === 200) break; } catch { /* starting */ }
    await new Promise((r) => setTimeout(r, 500));
  }
  for (let i = 0; i < 50; i++) await login(base); // warm-up
  await run('login round trip (ThaiD mock)', async () => login(base));
  await run('refresh_token rotation', async (token) => {
    const rt = token ?? await login(base);
    const r = await fetch(`${base}/oauth2/token`, { method: 'POST', headers: { 'content-type':
      'application/x-www-form-urlencoded' }, body: new URLSearchParams({ grant_type: 'refresh_token',
      client_id: 'superapp', refresh_token: rt }) });
    if (r.status !== 200) throw new Error(String(r.status));
    return (await r.json()).refresh_token;
  });
  const basic = `Basic ${Buffer.from('agency-demo:agency-demo-secret').toString('base64')}`;
  await run('client_credentials', async () => {
    const r = await fetch(`${base}/oauth2/token`, { method: 'POST', headers: { 'content-type':
      'application/x-www-form-urlencoded', authorization: basic }, body: 'grant_type=client_credentials' });
    if (r.status !== 200) throw new Error(String(r.status));
    await r.arrayBuffer();
  });
} finally {
  app.kill('SIGTERM');
}
