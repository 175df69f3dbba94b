-- Audited writes: each request records a named check result for a random commit (one row upsert + one audit entry).
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("SHIPGATE_TOKEN")

request = function()
  local sha = {}
  for i = 1, 40 do sha[i] = string.format("%x", math.random(0, 15)) end
  local body = '{"commit":"' .. table.concat(sha) .. '","name":"security-scan","status":"success","summary":"0 findings"}'
  return wrk.format(nil, "/api/checks", nil, body)
end

response = function(status)
  if status ~= 200 then error("unexpected status " .. status) end
end
