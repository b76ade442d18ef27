-- wrk script for bench/wms/run.sh: replays the request list in $WMS_REQUESTS (one path per
-- line), each thread starting at its own offset, and prints one machine-readable line at the
-- end: requests/s, latency percentiles (ms) and the count of non-200 answers.
local paths = {}
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(os.getenv("WMS_REQUESTS")) do
    paths[#paths + 1] = line
  end
  index = (id * 97) % #paths
  non200 = 0
end

function request()
  index = index % #paths + 1
  return wrk.format("GET", paths[index])
end

function response(status, headers, body)
  if status ~= 200 then
    non200 = non200 + 1
  end
end

function done(summary, latency, requests)
  local bad = 0
  for _, t in ipairs(threads) do
    bad = bad + t:get("non200")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT rps=%.2f p50=%.1f p95=%.1f p99=%.1f requests=%d non200=%d errors=%d\n",
    summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.requests, bad,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
