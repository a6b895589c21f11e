dofile((debug.getinfo(1, "S").source:sub(2):match("(.*/)") or "./") .. "common.lua")
wrk.method = "POST"
wrk.path = "/api/v1/tasks"
wrk.headers["Content-Type"] = "application/json"
local counter = 0
request = function()
  counter = counter + 1
  local body = string.format(
    '{"url":"https://example.com/item/%d","navigation_goal":"Find the price of item %d and add it to the cart",' ..
    '"data_extraction_goal":"price","max_steps":5}', counter, counter)
  return wrk.format(nil, nil, nil, body)
end
