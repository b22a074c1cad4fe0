-- POST /api/auth/refresh, each refresh token used once. The pool is read from the file named by the first script
-- argument (one refresh token a line, one per session); every answer brings the session's next token, which goes
-- back into the pool, so each connection keeps renewing a session of its own with a token that has never been
-- used. An answer without a token (an error) loses that session; a request finding the pool empty sends a token that
-- cannot work, so errors show in wrk's non-2xx count instead of stopping the run.
-- Give it more sessions than connections: wrk asks for a request more than once before the first answers (seen with
-- wrk 4.1.0: five requests asked for, four sent, on four connections), and a token taken for a request that is never
-- sent is lost. With exactly one session per connection, that one lost token leaves a connection without a session
-- for the whole run, sending the placeholder again and again (each refused at once, so they are many).
local pool = {}

function init(args)
    for line in io.lines(args[1]) do
        if #line > 0 then
            table.insert(pool, line)
        end
    end
end

function request()
    local token = table.remove(pool) or "pool-empty-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    return wrk.format("POST", "/api/auth/refresh",
        { ["Content-Type"] = "application/x-www-form-urlencoded" }, "refresh_token=" .. token)
end

function response(status, headers, body)
    local token = body and body:match('"refresh_token"%s*:%s*"([%w_%-]+)"')
    if status == 200 and token then
        table.insert(pool, token)
    end
end
