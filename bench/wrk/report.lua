-- Shared by the wrk scripts: prints the figures of a run as `key=value` lines for bench/api.sh to read.
-- A request carries the API key (and for POST a body); wrk.headers is filled from the environment.
wrk.headers["X-Api-Key"] = os.getenv("API_KEY")
wrk.headers["Content-Type"] = "application/json"

local statuses = {}
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  non2xx = 0
  pace = tonumber(os.getenv("PACE_MS") or "0")
end

-- With PACE_MS set, each connection waits that long between requests: a lower, fixed offered load.
function delay()
  return pace
end

function response(status, headers, body)
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
end

function done(summary, latency, requests)
  local bad = 0
  for _, t in ipairs(threads) do bad = bad + (t:get("non2xx") or 0) end
  local secs = summary.duration / 1e6
  io.write(string.format("requests=%d\n", summary.requests))
  io.write(string.format("rps=%.1f\n", summary.requests / secs))
  io.write(string.format("p50_ms=%.2f\n", latency:percentile(50) / 1000))
  io.write(string.format("p99_ms=%.2f\n", latency:percentile(99) / 1000))
  io.write(string.format("non2xx=%d\n", bad))
  io.write(string.format("errors=%d\n", summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout))
end
