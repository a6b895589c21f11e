dofile((debug.getinfo(1, "S").source:sub(2):match("(.*/)") or "./") .. "common.lua")
-- Rotates over SKYVERN_BENCH_TASK_IDS (comma list); SKYVERN_BENCH_TASK_ID is the older single-id form.
local ids = {}
for id in string.gmatch(os.getenv("SKYVERN_BENCH_TASK_IDS") or os.getenv("SKYVERN_BENCH_TASK_ID") or "", "[^,]+") do
  ids[#ids + 1] = id
end
assert(#ids > 0, "set SKYVERN_BENCH_TASK_IDS")
local next_index = 0
request = function()
  next_index = next_index % #ids + 1
  return wrk.format("GET", "/api/v1/tasks/" .. ids[next_index])
end
