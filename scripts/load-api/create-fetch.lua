-- wrk: each connection alternates POST Calls.json (place a call) and GET Calls/{Sid}.json of a call it
-- created. CALLS_PATH and CREATE_BODY come from scripts/load-api.sh; the Authorization header from -H.
-- CALL_DELAY_MS (optional) paces every connection: a request every that many milliseconds, so that
-- connections * 1000 / CALL_DELAY_MS creates per second are asked (the "calls per second" runs, which
-- create only: CREATE_ONLY=1).
local calls = os.getenv("CALLS_PATH")
local body = os.getenv("CREATE_BODY")
local pause = tonumber(os.getenv("CALL_DELAY_MS") or "0")
local create_only = os.getenv("CREATE_ONLY") == "1"
local base = calls:gsub("%.json$", "")
created = {}
local headers = { ["Content-Type"] = "application/x-www-form-urlencoded" }

-- wrk.format uses the -H headers (the Authorization) only when given no headers of its own: merge them.
function init(_)
  for name, value in pairs(wrk.headers) do
    headers[name] = value
  end
end

function request()
  if not create_only and #created > 0 then
    return wrk.format("GET", base .. "/" .. table.remove(created, 1) .. ".json")
  end
  return wrk.format("POST", calls, headers, body)
end

function response(status, _, response_body)
  if status == 201 and not create_only then
    local sid = response_body:match('"sid":"(CA%x+)"')
    if sid then
      created[#created + 1] = sid
    end
  end
end

if pause > 0 then
  function delay()
    return pause
  end
end

-- Answers by HTTP status and method, summed over the threads, printed after wrk's own report.
local threads = {}
statuses = {}

function setup(thread)
  threads[#threads + 1] = thread
end

local count_response = response
function response(status, response_headers, response_body)
  local key = tostring(status)
  statuses[key] = (statuses[key] or 0) + 1
  count_response(status, response_headers, response_body)
end

function done(_, _, _)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do
      total[status] = (total[status] or 0) + n
    end
  end
  local line = "HTTP statuses:"
  for status, n in pairs(total) do
    line = line .. " " .. status .. "=" .. n
  end
  print(line)
end
