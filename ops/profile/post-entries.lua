-- wrk script for ops/profile-http.sh: every request posts a new entry (a fresh submission id per run, thread and
-- request: TUYENGIAO_RUN names the run, so the warm-up's ids are not sent again as retries) to one contest, signed in
-- with the token in TUYENGIAO_TOKEN.
local threads = 0

function setup(thread)
  thread:set("thread", threads)
  threads = threads + 1
end

function init(args)
  path = "/api/contests/" .. os.getenv("TUYENGIAO_CONTEST") .. "/entries"
  cell = os.getenv("TUYENGIAO_CELL")
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("TUYENGIAO_TOKEN")
  wrk.headers["Content-Type"] = "application/json"
  run = os.getenv("TUYENGIAO_RUN")
  counter = 0
end

function request()
  counter = counter + 1
  local id = string.format("%s-%d-%d", run, thread, counter)
  local body = string.format(
    '{"submissionId":"%s","authorName":"Nguyễn Văn %s","committeeCode":"%s","title":"Khát vọng Trà Vinh - bài %s","words":1500}',
    id, id, cell, id)
  return wrk.format("POST", path, nil, body)
end
