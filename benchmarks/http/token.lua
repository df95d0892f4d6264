-- wrk script for token-endpoint load, usable against any OAuth server.
--   MODE=form     POST the form BODY (client_credentials); AUTHORIZATION, if set, is sent as the header
--   MODE=refresh  chained refresh_token grants for public client CLIENT_ID: starting tokens come from the file TOKENS
--                 (one per line); each 200 response's new refresh token is queued for a later request, so a
--                 server with rotation and reuse detection sees every token used exactly once.
-- done() prints one RESULT line (latencies in ms).
local mode = os.getenv("MODE") or "form"
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
if os.getenv("AUTHORIZATION") then wrk.headers["Authorization"] = os.getenv("AUTHORIZATION") end
wrk.body = os.getenv("BODY") or ""

local threads = {}
function setup(thread) threads[#threads + 1] = thread end

ok, bad = 0, 0
local queue, first, last = {}, 1, 0

function init(args)
  if mode == "refresh" then
    for line in assert(io.open(os.getenv("TOKENS"), "r")):lines() do
      if line ~= "" then last = last + 1; queue[last] = line end
    end
  end
end

local primed = false
function request()
  if mode ~= "refresh" then return wrk.request() end
  local token = queue[first]
  -- wrk 4.1 calls request() once per thread before it connects and never sends that request: the first call
  -- must not use up a token, or every chain would start from a token that was never redeemed
  if not primed then
    primed = true
  else
    queue[first] = nil
    first = first + 1
  end
  return wrk.format(nil, nil, nil, "grant_type=refresh_token&client_id=" .. (os.getenv("CLIENT_ID") or "app")
    .. "&refresh_token=" .. (token or "exhausted"))
end

-- Only the refresh chain needs to read responses: a response() callback makes wrk hand every response's headers
-- and body to Lua, which costs the load generator CPU that the server under test (on the same cores) then lacks.
-- Without it (form mode), wrk's own count of non-2xx responses gives ok and bad.
if mode == "refresh" then
  function response(status, headers, body)
    if status ~= 200 then bad = bad + 1; return end
    ok = ok + 1
    local rt = string.match(body, '"refresh_token"%s*:%s*"([^"]+)"')
    if rt then last = last + 1; queue[last] = rt end
  end
end

function done(summary, latency, requests)
  local o, b = 0, 0
  local e = summary.errors
  if mode == "refresh" then
    for _, t in ipairs(threads) do o = o + (tonumber(t:get("ok")) or 0); b = b + (tonumber(t:get("bad")) or 0) end
  else
    o, b = summary.requests - e.status, e.status
  end
  io.write(string.format(
    "RESULT requests=%d rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f ok=%d bad=%d sockerr=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1e3,
    latency:percentile(90) / 1e3, latency:percentile(99) / 1e3, latency.max / 1e3, o, b,
    e.connect + e.read + e.write + e.timeout))
end
