-- Shared by the wrk scripts: the API key header, optional pacing and an optional request budget.
--   SKYVERN_BENCH_DELAY_MS   mean wait in ms before each request of a connection (fractions allowed)
--   SKYVERN_BENCH_STOP_AFTER this wrk thread stops after that many 2xx answers (used for seeding)
local key = os.getenv("SKYVERN_BENCH_KEY")
local delay_ms = tonumber(os.getenv("SKYVERN_BENCH_DELAY_MS") or "")
local stop_after = tonumber(os.getenv("SKYVERN_BENCH_STOP_AFTER") or "")
wrk.headers["x-api-key"] = key
wrk.headers["Accept-Encoding"] = "identity"

if delay_ms and delay_ms > 0 then
  -- wrk truncates delay() to whole milliseconds: round at random so the mean is delay_ms.
  local whole = math.floor(delay_ms)
  local fraction = delay_ms - whole
  function delay()
    if math.random() < fraction then return whole + 1 end
    return whole
  end
end

if stop_after and stop_after > 0 then
  local done = 0
  function response(status)
    if status >= 200 and status < 300 then
      done = done + 1
      if done >= stop_after then wrk.thread:stop() end
    end
  end
end
