-- wrk script: the filtered list GET /api/v1/predictions?status=OPEN&topic=T&limit=50, T going round the 30 topics of
-- gen.py, so that no two requests in a row ask the same thing (H2 answers a statement run again with the same
-- parameters on the same connection from the result it kept, which would measure that cache, not the list).
local topics = {"cost", "models", "agents", "jobs", "software-engineering", "science", "hardware", "energy",
  "safety", "regulation", "k12-education", "hiring", "startups", "speed", "open-source", "robotics",
  "healthcare", "chips", "data-centers", "creativity", "memory", "search", "devices", "privacy",
  "geopolitics", "biology", "mathematics", "compute", "alignment", "media"}
local n = 0

function request()
   n = n + 1
   return wrk.format("GET", "/api/v1/predictions?status=OPEN&topic=" .. topics[(n % #topics) + 1] .. "&limit=50")
end
