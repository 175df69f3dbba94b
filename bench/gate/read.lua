-- Authenticated reads: one deployment request with its approvals and evaluation.
wrk.headers["Authorization"] = "Bearer " .. os.getenv("SHIPGATE_TOKEN")
local path = os.getenv("GATE_READ_PATH") or "/api/deployments/1"
request = function() return wrk.format("GET", path) end
response = function(status)
  if status ~= 200 then error("unexpected status " .. status) end
end
