dofile((debug.getinfo(1, "S").source:sub(2):match("(.*/)") or "./") .. "common.lua")
wrk.method = "GET"
wrk.path = "/api/v1/tasks/" .. os.getenv("SKYVERN_BENCH_TASK_ID")
