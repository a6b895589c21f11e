-- Shared by the wrk scripts: API key header and optional pacing (SKYVERN_BENCH_DELAY_MS).
local key = os.getenv("SKYVERN_BENCH_KEY")
local delay_ms = tonumber(os.getenv("SKYVERN_BENCH_DELAY_MS") or "")
wrk.headers["x-api-key"] = key
wrk.headers["Accept-Encoding"] = "identity"
if delay_ms and delay_ms > 0 then
  function delay() return delay_ms end
end
