-- wrk: every request is a new favourite change, each with its own id and a
-- later device time than every change before it, sent with one device's cookie,
-- as a phone would. EASEBACK_FIRST_CHANGE_AT is this run's first device time:
-- each run starts after every earlier run's changes, so each change is stored
-- (an older one would lose, and the server would have nothing to commit).
local cookie = os.getenv("EASEBACK_COOKIE")
local first = tonumber(os.getenv("EASEBACK_FIRST_CHANGE_AT"))
local changes = 0
math.randomseed(os.time())

local function uuid4()
  return (("xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx"):gsub("[xy]", function(c)
    return string.format("%x", c == "x" and math.random(0, 15) or math.random(8, 11))
  end))
end

request = function()
  local body = string.format('{"change_id":"%s","changed_at":%d}', uuid4(), first + changes)
  changes = changes + 1
  return wrk.format("PUT", nil, { ["Content-Type"] = "application/json", ["Cookie"] = cookie }, body)
end
