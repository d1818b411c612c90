-- wrk: every request is a new favourite change, each with its own id and a
-- later device time, sent with one device's cookie, as a phone would.
local cookie = os.getenv("EASEBACK_COOKIE")
local changes = 0
math.randomseed(os.time())

local function uuid4()
  return (("xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx"):gsub("[xy]", function(c)
    return string.format("%x", c == "x" and math.random(0, 15) or math.random(8, 11))
  end))
end

request = function()
  changes = changes + 1
  local body = string.format('{"change_id":"%s","changed_at":%d}', uuid4(), 1795000000000 + changes)
  return wrk.format("PUT", nil, { ["Content-Type"] = "application/json", ["Cookie"] = cookie }, body)
end
