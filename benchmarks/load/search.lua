-- wrk script for the viewer's /api/search: every connection walks the query set of a names-only work folder
-- (benchmarks/target/work/storage-*/queries.tsv: shape, query, expected_patient_id) from its own offset.
-- The file is named by the environment variable QUERIES; queries are percent-encoded here so the TSV stays readable.
-- THINK_MS (default 0) makes each connection wait that long before its next request, as a clinician typing does;
-- wrk's latencies never include the wait.

local function encode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local paths = {}
local file = assert(io.open(os.getenv("QUERIES") or "queries.tsv", "r"), "set QUERIES to a queries.tsv")
for line in file:lines() do
  local shape, query = line:match("^([^\t]*)\t([^\t]*)")
  if shape and shape ~= "shape" and query ~= "" then
    paths[#paths + 1] = "/api/search?q=" .. encode(query)
  end
end
file:close()

local think = tonumber(os.getenv("THINK_MS") or "0")

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("offset", threads * 397)
end

-- wrk.format uses only the table it is given, so the headers of -H (the session cookie) are copied into it: without
-- them every request of a viewer with users would be a 401 and the figures would time the login check.
local headers = nil
function request()
  if headers == nil then
    headers = { ["Host"] = "localhost" }
    for k, v in pairs(wrk.headers) do
      headers[k] = v
    end
  end
  offset = offset + 1
  return wrk.format("GET", paths[(offset % #paths) + 1], headers)
end

if think > 0 then
  function delay()
    return think
  end
end
