-- Mixed API load for the soak (bench/soak-api.sh): each request picks a kind by weight.
-- Reads SOAK_IDS_FILE (lines "task <id>" / "workflow <id>") for the GETs; cancels tasks that this
-- wrk thread created itself (ids taken from 201 answers), so a cancel is a real 200, not a 409.
-- The key header and optional pacing (SKYVERN_BENCH_DELAY_MS) come from ../wrk/common.lua.
local here = debug.getinfo(1, "S").source:sub(2):match("(.*/)") or "./"
dofile(here .. "../wrk/common.lua")

local tasks, workflows = {}, {}
for line in io.lines(os.getenv("SOAK_IDS_FILE")) do
  local kind, id = line:match("^(%a+) (%S+)$")
  if kind == "task" then tasks[#tasks + 1] = id elseif kind == "workflow" then workflows[#workflows + 1] = id end
end
local since = os.getenv("SOAK_SINCE") or "2000-01-01T00:00:00Z"

-- Weights in percent, in this order.
local kinds = {
  {"get_task", 30}, {"list", 20}, {"create_task", 15}, {"cancel_task", 10},
  {"create_workflow", 10}, {"get_workflow", 15},
}
local lists = {
  "/api/v1/tasks?status=queued&page=1&page_size=20&sort_by=created_at&sort_order=desc",
  "/api/v1/tasks?status=canceled&page=1&page_size=20&sort_by=modified_at",
  "/api/v1/tasks?status=queued&status=canceled&created_after=" .. since .. "&page=2&page_size=50",
  "/api/v1/tasks?search=soak&page=1&page_size=20",
  "/api/v1/workflows?page=1&page_size=20",
}

local created = {}           -- this thread's created task ids, not canceled yet (a queue)
local head, tail = 1, 0
local counter, listIndex = 0, 0
counts, statuses = {}, {}    -- globals: done() reads them from each thread

-- wrk.format uses wrk.headers (the key, from common.lua) only when given no headers: add the
-- content type there rather than passing a table that would drop the key.
wrk.headers["Content-Type"] = "application/json"

local function pick()
  local r, acc = math.random(100), 0
  for _, k in ipairs(kinds) do
    acc = acc + k[2]
    if r <= acc then return k[1] end
  end
  return kinds[1][1]
end

request = function()
  counter = counter + 1
  local kind = pick()
  if kind == "cancel_task" and head > tail then kind = "create_task" end
  counts[kind] = (counts[kind] or 0) + 1
  if kind == "get_task" then
    return wrk.format("GET", "/api/v1/tasks/" .. tasks[math.random(#tasks)])
  elseif kind == "list" then
    listIndex = listIndex % #lists + 1
    return wrk.format("GET", lists[listIndex])
  elseif kind == "create_task" then
    return wrk.format("POST", "/api/v1/tasks", nil, string.format(
      '{"url":"https://example.com/soak/%d","navigation_goal":"Soak task %d: find the price","max_steps":5}',
      counter, counter))
  elseif kind == "cancel_task" then
    local id = created[head]
    created[head] = nil
    head = head + 1
    return wrk.format("POST", "/api/v1/tasks/" .. id .. "/cancel", nil, '{"reason":"soak"}')
  elseif kind == "create_workflow" then
    return wrk.format("POST", "/api/v1/workflows", nil, string.format(
      '{"title":"Soak workflow %d","description":"soak","workflow_definition":{"blocks":[{"id":"nav",' ..
      '"type":"navigation","parameters":{"url":"https://example.com/%d","navigation_goal":"go"}}]}}',
      counter, counter))
  else
    return wrk.format("GET", "/api/v1/workflows/" .. workflows[math.random(#workflows)])
  end
end

response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if status == 201 and tail - head < 10000 then
    local id = body:match('^{"success":true,"data":{"task_id":"(tsk_%w+)"')
    if id then
      tail = tail + 1
      created[tail] = id
    end
  end
end

local threads = {}
setup = function(thread)
  threads[#threads + 1] = thread
  thread:set("thread_number", #threads)
end

init = function(args)
  math.randomseed(os.time() * 100 + (thread_number or 0))
end

done = function(summary, latency, requests)
  local c, s = {}, {}
  for _, t in ipairs(threads) do
    for k, n in pairs(t:get("counts")) do c[k] = (c[k] or 0) + n end
    for k, n in pairs(t:get("statuses")) do s[k] = (s[k] or 0) + n end
  end
  local line = "kinds"
  for _, k in ipairs(kinds) do line = line .. " " .. k[1] .. "=" .. (c[k[1]] or 0) end
  line = line .. " | statuses"
  local codes = {}
  for code in pairs(s) do codes[#codes + 1] = code end
  table.sort(codes)
  for _, code in ipairs(codes) do line = line .. " " .. code .. "=" .. s[code] end
  io.write(line .. "\n")
end
