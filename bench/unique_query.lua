-- wrk script: every request gets its own query string (`_bench=<thread>-<n>`), so that no two
-- requests share an entry of Ateneu's page cache: this measures the uncached (rendered) path.
-- The rest of the URL (path and query) is the one given to wrk.
local counter = 0
local thread_id = 0
local threads = 0

function setup(thread)
    threads = threads + 1
    thread:set("thread_id", threads)
end

function request()
    counter = counter + 1
    local path = wrk.path
    local sep = path:find("?", 1, true) and "&" or "?"
    return wrk.format(nil, path .. sep .. "_bench=" .. thread_id .. "-" .. counter)
end
