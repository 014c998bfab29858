-- wrk script: GET /api/v1/predictions/{key} with a random existing key bench-0000001..bench-N,
-- N from the environment variable BENCH_KEYS. Each wrk thread has its own seed.
local threads = 0

function setup(thread)
   threads = threads + 1
   thread:set("seed", threads)
end

function init(args)
   math.randomseed(os.time() * 7919 + seed)
   keys = tonumber(os.getenv("BENCH_KEYS") or "")
   if keys == nil or keys < 1 then
      error("BENCH_KEYS must be the number of stored bench predictions")
   end
end

function request()
   return wrk.format("GET", string.format("/api/v1/predictions/bench-%07d", math.random(1, keys)))
end
