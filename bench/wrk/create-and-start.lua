-- R6 load: each thread creates campaigns (POST with a unique Idempotency-Key) and starts each one it created
-- (PATCH status running), writing what was accepted to $OUT_DIR/accepted-<thread>.txt:
--   created <id>    a 201 to POST /campaigns
--   running <id>    a 200 to PATCH /campaigns/{id}/status whose campaign is running
local threads = {}
local next_id = 1
function setup(thread)
  thread:set("tid", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

local CREATE = '{"name": "sigterm", "platform": "csv_import", "contactMode": "whatsapp-no-api", '
  .. '"segmentation": {"batchSize": 5}, "settings": {"scheduledHours": "9", "scheduledDays": "1,2,3,4,5", '
  .. '"sequence": [{"text": "Hola", "delayHours": 0}]}}'

function init(args)
  out = io.open(os.getenv("OUT_DIR") .. "/accepted-" .. tid .. ".txt", "w")
  run = os.getenv("RUN_TAG")
  counter = 0
  pending = {}
  headers = { ["X-Api-Key"] = os.getenv("API_KEY"), ["Content-Type"] = "application/json" }
end

function request()
  local id = table.remove(pending)
  if id then
    return wrk.format("PATCH", "/v1/public/v1/campaigns/" .. id .. "/status", headers, '{"status": "running"}')
  end
  counter = counter + 1
  headers["Idempotency-Key"] = run .. "-" .. tid .. "-" .. counter
  local req = wrk.format("POST", "/v1/public/v1/campaigns", headers, CREATE)
  headers["Idempotency-Key"] = nil
  return req
end

function response(status, hdrs, body)
  local id = body and body:match('"id"%s*:%s*"([0-9a-f-]+)"')
  if status == 201 and id then
    out:write("created " .. id .. "\n")
    table.insert(pending, id)
  elseif status == 200 and id and body:match('"status"%s*:%s*"running"') then
    out:write("running " .. id .. "\n")
  end
  out:flush()
end
