-- wrk script: POST /webhooks/ghl with pre-signed events (SignWebhooks.java writes them).
-- Each wrk thread takes every Tth line of the file (T = wrk's -t, given again after the file), formats
-- its requests once, then
-- sends them in turn; past its last one it starts over (those answer 200 "duplicate" and are not
-- stored again: size the file at least rate x duration).
--   wrk -t2 -c128 -d10s -s bench/webhooks/webhooks.lua http://127.0.0.1:18480 -- /tmp/wh/events.tsv 2 [DELAY_MS]
-- DELAY_MS > 0: each connection waits that long after an answer before its next request (paced load).
local count = 0

function setup(thread)
  thread:set("tid", count)
  count = count + 1
end

function init(args)
  local file = args[1] or "/tmp/wh/events.tsv"
  local nthreads = tonumber(args[2] or "1")
  requests = {}
  local i = 0
  for line in io.lines(file) do
    if i % nthreads == tid then
      local tab = line:find("\t", 1, true)
      local sig = line:sub(1, tab - 1)
      local body = line:sub(tab + 1)
      requests[#requests + 1] = wrk.format("POST", "/webhooks/ghl", {
        ["Content-Type"] = "application/json",
        ["X-GHL-Signature"] = sig,
      }, body)
    end
    i = i + 1
  end
  n = #requests
  next_request = 0
  pause = tonumber(args[3] or "0")
  if pause > 0 then
    delay = function() return pause end
  end
end

function request()
  next_request = next_request + 1
  if next_request > n then next_request = 1 end
  return requests[next_request]
end
