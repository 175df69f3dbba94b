-- Paced load: each connection waits PACE_MS between requests, so C connections offer about C * 1000 / PACE_MS req/s.
-- MODE=read repeats read.lua's request, MODE=write write-check.lua's.
local mode = os.getenv("MODE") or "read"
local pace = tonumber(os.getenv("PACE_MS") or "50")
dofile(os.getenv("BENCH_DIR") .. "/" .. (mode == "write" and "write-check.lua" or "read.lua"))
delay = function() return pace end
