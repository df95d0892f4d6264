// Throughput of the packaged application in the demo profile (in-JVM mocks): full login round trips through the
// ThaiD mock (authorize -> mock -> callback -> token), refresh-token rotation, client credentials.
// Usage: ./mvnw -B -q -pl bff -am package -DskipTests && node benchmarks/login.mjs [seconds] [concurrency]
//
// Rate mode: node benchmarks/login.mjs rate [logins/s] [seconds]    (env WARMUP: seconds at the rate first, 120:
// on two cores the JIT compilers take most of a core for the first 90 s; BENCHMARKS.md, fifth session)
// Env CITIZENS: 0 (default) signs in a new citizen every time (the heaviest login: citizen, link and data key
// created); N > 0 draws each login from N fixed citizens, so that after the warm-up nearly every login is a returning
// citizen's (one link updated), as most logins in production are.
// OneCitizen's own part of a login at a fixed arrival rate (open model: a new login starts every 1/rate s whether or
// not earlier ones have finished). The ThaiD mock still runs in the JVM, but OneCitizen reaches it through a proxy in
// this process that times every upstream call; per login, our part = the time of our three requests as this client
// sees them (authorize, callback, token) minus the upstream token call made during the callback (matched by its
// code). The client's own time stays in our part, so the figure is an upper bound. It also prints the server's own
// per-step latencies from /actuator/prometheus (a diagnosis, see serverHistograms). JAVA_HOME picks the JDK,
// JAVA_OPTS adds JVM options (e.g. -XX:StartFlightRecording=filename=login.jfr,settings=profile).
// Env SCRAPE: seconds between scrapes of /actuator/prometheus from start-up on, as a Prometheus server would (15;
// 0 = none but the two that read the server's histograms around the measured run).
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import { readdirSync, readFileSync } from 'node:fs';

const rateMode = process.argv[2] === 'rate';
const rate = rateMode ? Number(process.argv[3] ?? 100) : 0;
const seconds = Number(process.argv[rateMode ? 4 : 2] ?? (rateMode ? 20 : 15));
const concurrency = rateMode ? 0 : Number(process.argv[3] ?? 8);
const java = process.env.JAVA_HOME ? `${process.env.JAVA_HOME}/bin/java` : 'java';
const jar = process.env.JAR ?? new URL('../bff/target/onecitizen-bff.jar', import.meta.url).pathname;
const APP_REDIRECT = 'http://127.0.0.1/callback';

const freePort = () => new Promise((resolve) => {
  const s = net.createServer();
  s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});
const b64 = (buf) => buf.toString('base64url');
const returning = Array.from({ length: Number(process.env.CITIZENS ?? 0) }, () => newCitizenId());
const citizenId = () => returning.length ? returning[Math.floor(Math.random() * returning.length)] : newCitizenId();
function newCitizenId() {
  const d = [1 + Math.floor(Math.random() * 8)];
  for (let i = 0; i < 11; i++) d.push(Math.floor(Math.random() * 10));
  d.push((11 - (d.reduce((s, x, i) => s + x * (13 - i), 0) % 11)) % 10);
  return d.join('');
}
const pct = (xs, p) => xs.sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const cpuTicks = (pid) => { const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return Number(f[11]) + Number(f[12]); }; // utime + stime, in clock ticks (100/s)
// the in-JVM identity mocks' threads (the JDK HTTP server's dispatcher and the mocks' workers): their CPU is the
// stand-in provider's, not OneCitizen's, though it runs in the same JVM on the same cores
const MOCK_THREADS = /^(HTTP-Dispatcher|identity-mocks)/;
function mockTicks(pid) {
  let ticks = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      if (!MOCK_THREADS.test(name)) continue;
      const f = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
      ticks += Number(f[11]) + Number(f[12]);
    } catch { /* the thread ended */ }
  }
  return ticks;
}

// HTTP/1.1 with keep-alive through node:http: fetch (undici) costs this client several times the CPU per request, and
// on two cores the client's CPU is taken from the server it measures
const clientAgent = new http.Agent({ keepAlive: true, maxSockets: 256 });
function call(url, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers: body ? { ...headers, 'content-length': Buffer.byteLength(body) }
      : headers, agent: clientAgent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, location: res.headers.location,
        text: () => Buffer.concat(chunks).toString() }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

// the app's side of a login: an authorize request (PKCE S256, a fresh citizen ID as login_hint) and its code's redemption
function authorizeRequest() {
  const verifier = b64(randomBytes(32));
  const q = new URLSearchParams({ response_type: 'code', client_id: 'superapp', redirect_uri: APP_REDIRECT,
    scope: 'openid profile offline_access', state: b64(randomBytes(8)), nonce: b64(randomBytes(8)),
    code_challenge: b64(createHash('sha256').update(verifier).digest()), code_challenge_method: 'S256',
    idp_hint: 'thaid', login_hint: citizenId() });
  return { verifier, q };
}
const redeem = (base, code, verifier) => call(`${base}/oauth2/token`, { method: 'POST', headers: FORM,
  body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: APP_REDIRECT,
    client_id: 'superapp', code_verifier: verifier }).toString() });

// The server's own view: per step, the http.server.requests histogram's counts over the measured run (the time from
// the request's arrival at OneCitizen to its response, without the client's or the network's). The callback's
// includes its upstream token call. Percentiles are bucket upper bounds; a sum of per-step percentiles is not a
// per-login percentile, so this only shows where the client-side figure's time is spent.
const SERVER_BUCKETS = Array.from({ length: 40 }, (_, i) => i + 1);
const SERVER_STEPS = { authorize: '/oauth2/authorize', callback: '/oauth2/callback/{provider}', token: '/oauth2/token' };
async function serverHistograms(base) {
  const text = (await call(`${base}/actuator/prometheus`)).text();
  const h = {};
  for (const line of text.split('\n')) {
    if (!line.startsWith('http_server_requests_seconds_bucket{')) continue;
    const uri = /uri="([^"]*)"/.exec(line)?.[1];
    const step = Object.keys(SERVER_STEPS).find((k) => SERVER_STEPS[k] === uri);
    if (!step) continue;
    const le = /le="([^"]*)"/.exec(line)[1];
    const key = le === '+Inf' ? Infinity : Math.round(Number(le) * 1000);
    h[step] ??= new Map();
    h[step].set(key, (h[step].get(key) ?? 0) + Number(line.split(' ').pop()));
  }
  return h;
}
function reportServerSide(before, after) {
  const parts = [];
  for (const step of Object.keys(SERVER_STEPS)) {
    const a = after[step];
    if (!a) continue;
    const les = [...a.keys()].sort((x, y) => x - y);
    const counts = les.map((le) => a.get(le) - (before[step]?.get(le) ?? 0)); // cumulative per bucket
    const total = counts[counts.length - 1];
    const at = (p) => { const i = counts.findIndex((c) => c >= p * total); return les[i] === Infinity ? '>40' : `<=${les[i]}`; };
    parts.push(`${step} p50 ${at(0.5)} / p99 ${at(0.99)} ms (${total})`);
  }
  console.log(`server side per request (http.server.requests): ${parts.join('; ')}`);
}

// upstream calls through the timing proxy: code -> ms of the token call that redeemed it
const upstreamByCode = new Map();
let upstreamOther = 0;
function startProxy(port, target) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const server = http.createServer((req, res) => {
    const t0 = performance.now();
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const up = http.request({ host: '127.0.0.1', port: target, path: req.url, method: req.method, agent,
        headers: { ...req.headers, host: `127.0.0.1:${target}` } }, (r) => {
        res.writeHead(r.statusCode, r.headers);
        r.pipe(res);
        r.on('end', () => {
          const ms = performance.now() - t0;
          const code = req.method === 'POST' ? new URLSearchParams(body.toString()).get('code') : null;
          if (code) upstreamByCode.set(code, ms); else upstreamOther++;
        });
      });
      up.on('error', () => { res.writeHead(502); res.end(); });
      up.end(body);
    });
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

// one login, timing our three requests; the browser's visit to the mock is not ours and not timed
async function timedLogin(base) {
  const { verifier, q } = authorizeRequest();
  const steps = { authorize: 0, callback: 0, token: 0, upstream: 0 };
  let next = `${base}/oauth2/authorize?${q}`;
  for (let hop = 0; !next.startsWith(APP_REDIRECT); hop++) {
    if (hop > 6) throw new Error('redirect loop');
    const ours = next.startsWith(base);
    // the browser's visit to the mock is neither ours nor timed: straight to the mock, not through the timing proxy
    // (half of the proxy's work per login, on the same two cores as the server)
    if (next.startsWith(proxyBase)) next = mocksBase + next.slice(proxyBase.length);
    const t0 = performance.now();
    const r = await call(next);
    const ms = performance.now() - t0;
    if (r.status !== 302 && r.status !== 303) throw new Error(`status ${r.status} at ${new URL(next).pathname}`);
    if (ours && next.includes('/oauth2/callback/')) {
      steps.callback += ms;
      const upstreamCode = new URL(next).searchParams.get('code');
      steps.upstream = upstreamByCode.get(upstreamCode) ?? 0;
      upstreamByCode.delete(upstreamCode);
    } else if (ours) {
      steps.authorize += ms;
    }
    next = new URL(r.location, next).toString();
  }
  const back = new URL(next).searchParams;
  if (!back.get('code')) throw new Error(`app redirected with error=${back.get('error')}`);
  const code = back.get('code');
  const t0 = performance.now();
  const t = await redeem(base, code, verifier);
  const body = JSON.parse(t.text());
  steps.token = performance.now() - t0;
  if (t.status !== 200 || !body.refresh_token) throw new Error(`token ${t.status}`);
  return steps;
}

async function runAtRate(base, appPid, seconds, report = true) {
  const results = [];
  let errors = 0;
  const firstErrors = new Map();
  const pending = [];
  const interval = 1000 / rate;
  const total = Math.round(rate * seconds);
  const cpu0 = cpuTicks(appPid);
  const mock0 = mockTicks(appPid);
  const client0 = process.cpuUsage();
  const start = performance.now();
  let lateStarts = 0;
  for (let i = 0; i < total; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (performance.now() - due > interval) lateStarts++;
    const t0 = performance.now();
    pending.push(timedLogin(base).then((s) => results.push({ ...s, total: performance.now() - t0 }))
      .catch((e) => {
        errors++;
        const why = e.cause?.code ? `${e.message} (${e.cause.code})` : String(e.message);
        firstErrors.set(why, (firstErrors.get(why) ?? 0) + 1);
      }));
  }
  const offered = performance.now() - start;
  await Promise.all(pending);
  const cpuMs = (cpuTicks(appPid) - cpu0) * 10;
  const mockMs = (mockTicks(appPid) - mock0) * 10;
  const client = process.cpuUsage(client0);
  const clientMs = (client.user + client.system) / 1000;
  if (!report) return;
  const ours = results.map((s) => s.authorize + Math.max(0, s.callback - s.upstream) + s.token);
  const f = (xs) => `p50 ${pct(xs, 0.5).toFixed(1)} / p90 ${pct(xs, 0.9).toFixed(1)} / p99 ${pct(xs, 0.99).toFixed(1)}`;
  console.log(`offered ${rate}/s for ${seconds} s (${total} logins in ${(offered / 1000).toFixed(1)} s, `
    + `${lateStarts} started late), completed ${results.length}, errors ${errors}`
    + (firstErrors.size ? ` ${JSON.stringify(Object.fromEntries(firstErrors))}` : ''));
  console.log(`OneCitizen's part of a login (ms):  ${f(ours)}`);
  console.log(`  authorize ${f(results.map((s) => s.authorize))}`);
  console.log(`  callback minus upstream ${f(results.map((s) => Math.max(0, s.callback - s.upstream)))}`);
  console.log(`  token ${f(results.map((s) => s.token))}`);
  console.log(`upstream token call (mock + proxy, not ours) ${f(results.map((s) => s.upstream))}; `
    + `other upstream requests (JWKS, discovery; the browser goes to the mock directly) ${upstreamOther}`);
  console.log(`whole login as the client sees it ${f(results.map((s) => s.total))}`);
  const per = (ms) => (ms / Math.max(1, results.length)).toFixed(2);
  console.log(`OneCitizen JVM CPU per login ${per(cpuMs)} ms (includes the in-JVM mock's ${per(mockMs)} ms: `
    + `OneCitizen's own ${per(cpuMs - mockMs)} ms); this client and its proxy ${per(clientMs)} ms; `
    + `load average ${readFileSync('/proc/loadavg', 'utf8').split(' ')[0]}`);
}

async function login(base) {
  const { verifier, q } = authorizeRequest();
  let next = `${base}/oauth2/authorize?${q}`;
  while (!next.startsWith(APP_REDIRECT)) {
    const r = await call(next);
    next = new URL(r.location, next).toString();
  }
  const code = new URL(next).searchParams.get('code');
  return JSON.parse((await redeem(base, code, verifier)).text()).refresh_token;
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
const mocksPort = await freePort();
const proxyPort = await freePort();
const proxy = rateMode ? await startProxy(proxyPort, mocksPort) : null;
const proxyBase = `http://127.0.0.1:${proxyPort}/`;
const mocksBase = `http://127.0.0.1:${mocksPort}/`;
const viaProxy = rateMode ? [
  `--onecitizen.identity.providers.thaid.base-url=http://127.0.0.1:${proxyPort}/thaid`,
  `--onecitizen.identity.providers.thaid.expected-issuer=http://127.0.0.1:${mocksPort}/thaid`] : [];
// this machine's PostgreSQL runs with autovacuum off: start from a vacuumed database, not the dead rows of earlier runs
spawnSync('psql', ['-q', '-h', '127.0.0.1', '-d', process.env.ONECITIZEN_TEST_DB ?? 'oc_identity', '-c', 'VACUUM ANALYZE'],
  { stdio: 'ignore' });
const app = spawn(java, [...(process.env.JAVA_OPTS ? process.env.JAVA_OPTS.split(' ') : []), '-jar', jar, '--spring.profiles.active=demo', `--server.port=${port}`,
  `--onecitizen.demo.identity-mocks.port=${mocksPort}`, ...viaProxy,
  `--spring.r2dbc.url=r2dbc:postgresql://127.0.0.1:5432/${process.env.ONECITIZEN_TEST_DB ?? 'oc_identity'}`,
  `--spring.data.redis.database=${process.env.ONECITIZEN_TEST_REDIS_DB ?? '1'}`,
  '--onecitizen.demo.embedded-fallback=false', '--logging.level.root=WARN',
  // 1 ms buckets up to 40 ms for the server's own view of each step (Prometheus histogram of http.server.requests)
  `--management.metrics.distribution.slo.http.server.requests=${SERVER_BUCKETS.map((b) => `${b}ms`).join(',')}`],
{ stdio: 'ignore' });
let scraper;
try {
  for (let i = 0; i < 240; i++) {
    try { if ((await call(`${base}/actuator/health/readiness`)).status === 200) break; } catch { /* starting */ }
    await new Promise((r) => setTimeout(r, 500));
  }
  // a Prometheus server scrapes every 15 s (env SCRAPE, 0 = never) from start-up on, as in production: the scrape's
  // code is then compiled in the warm-up, not in the measured window (the one scrape before it used to be the first)
  const scrapeEvery = Number(process.env.SCRAPE ?? 15);
  if (scrapeEvery > 0) {
    scraper = setInterval(() => call(`${base}/actuator/prometheus`).catch(() => {}), scrapeEvery * 1000);
  }
  for (let i = 0; i < 50; i++) await login(base); // warm-up
  if (rateMode) {
    for (let i = 0; i < 200; i++) await timedLogin(base); // through the proxy as well
    // the JIT compilers need CPU well past the first logins: an unmeasured run at the same rate first
    await runAtRate(base, app.pid, Number(process.env.WARMUP ?? 120), false);
    upstreamOther = 0;
    const before = await serverHistograms(base);
    await runAtRate(base, app.pid, seconds);
    reportServerSide(before, await serverHistograms(base));
  } else {
    await run('login round trip (ThaiD mock)', async () => login(base));
    await run('refresh_token rotation', async (token) => {
      const rt = token ?? await login(base);
      const r = await call(`${base}/oauth2/token`, { method: 'POST', headers: FORM, body: new URLSearchParams({
        grant_type: 'refresh_token', client_id: 'superapp', refresh_token: rt }).toString() });
      if (r.status !== 200) throw new Error(String(r.status));
      return JSON.parse(r.text()).refresh_token;
    });
    const basic = `Basic ${Buffer.from('agency-demo:agency-demo-secret').toString('base64')}`;
    await run('client_credentials', async () => {
      const r = await call(`${base}/oauth2/token`, { method: 'POST', headers: { ...FORM, authorization: basic },
        body: 'grant_type=client_credentials' });
      if (r.status !== 200) throw new Error(String(r.status));
    });
  }
} finally {
  clearInterval(scraper);
  app.kill('SIGTERM');
  proxy?.close();
}
