-- POST /api/auth/token with the password grant: one BCrypt check per request, as a sign-in costs. The username and
-- password are the script arguments.
local body

function init(args)
    body = "grant_type=password&username=" .. args[1] .. "&password=" .. args[2]
end

function request()
    return wrk.format("POST", "/api/auth/token", { ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
end
