-- wrk script for src/bench/soak.sh: mixed reads and writes. Out of 100 requests: 70 GET /api/v1/predictions/{key} on
-- a random key bench-0000001..bench-N (N from BENCH_KEYS), 15 filtered lists (the topic going round), 10 creates
-- (a new prediction with a key of its own: soak-<thread>-<n>-<run>) and 5 forecasts on a random key. Writes carry
-- BENCH_TOKEN. Every answer but a 2xx counts in wrk's "Non-2xx"; a forecast on a prediction that is no longer open
-- would be a 409, and the generated predictions are all open.
local topics = {"cost", "models", "agents", "jobs", "software-engineering", "science", "hardware", "energy"}
local threads = 0
local counter = 0

function setup(thread)
   threads = threads + 1
   thread:set("id", threads)
end

function init(args)
   math.randomseed(os.time() * 7919 + id)
   keys = tonumber(os.getenv("BENCH_KEYS") or "")
   token = os.getenv("BENCH_TOKEN")
   run = os.getenv("BENCH_RUN") or "0"
   if keys == nil or token == nil then
      error("BENCH_KEYS and BENCH_TOKEN must be set")
   end
   auth = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }
end

function request()
   counter = counter + 1
   local r = math.random(1, 100)
   local key = string.format("bench-%07d", math.random(1, keys))
   if r <= 70 then
      return wrk.format("GET", "/api/v1/predictions/" .. key)
   elseif r <= 85 then
      return wrk.format("GET", "/api/v1/predictions?status=OPEN&topic=" .. topics[(counter % #topics) + 1] .. "&limit=50")
   elseif r <= 95 then
      local body = string.format('{"key":"soak-%d-%d-%s","statement":"Soak test prediction %d of thread %d.",'
         .. '"kind":"FORECAST","speaker":"Soak Tester","madeOn":"2026-01-01","topics":["cost","models"],'
         .. '"target":{"date":"2030-12-31","precision":"YEAR","basis":"EXPLICIT","label":"by 2030"}}',
         id, counter, run, counter, id)
      return wrk.format("POST", "/api/v1/predictions", auth, body)
   else
      local body = string.format('{"probability":%.2f,"note":"soak"}', math.random(1, 99) / 100)
      return wrk.format("POST", "/api/v1/predictions/" .. key .. "/forecasts", auth, body)
   end
end
