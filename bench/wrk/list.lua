dofile((debug.getinfo(1, "S").source:sub(2):match("(.*/)") or "./") .. "common.lua")
wrk.method = "GET"
wrk.path = "/api/v1/tasks?status=queued&page=1&page_size=20&sort_by=created_at&sort_order=desc"
