package dev.jwtflights.console;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stands between a signed-in ADMIN and the H2 console's servlet:
 * <ul>
 * <li>its two connecting actions ({@code login.do}, {@code test.do}) get the application's own database, driver,
 * account and password, whatever the form says: no other JDBC URL, so no {@code INIT} script and no other
 * database;</li>
 * <li>of its other actions only those of its SQL page pass (query, tables, completion, history, result editing,
 * logout): its tools (backup, restore, run script, which act on the host's files), its settings (written to the
 * host's home directory) and its admin pages answer 404.</li>
 * </ul>
 */
class H2ConsoleGuard extends OncePerRequestFilter {

    /** The console's actions that connect to a database: their form is replaced. */
    private static final Set<String> CONNECTING = Set.of("login.do", "test.do");

    /** The console's other actions that its SQL page uses. */
    private static final Set<String> ALLOWED = Set.of("index.do", "query.do", "tables.do", "autoCompleteList.do",
            "getHistory.do", "editResult.do", "logout.do");

    /** Pages that offer only what is closed here. */
    private static final Set<String> CLOSED_PAGES = Set.of("tools.jsp", "admin.jsp", "adminLogin.jsp",
            "helpTranslate.jsp");

    private final String url;

    private final ConsoleAccount account;

    H2ConsoleGuard(String url, ConsoleAccount account) {
        this.url = url;
        this.account = account;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String page = page(request);
        if (CONNECTING.contains(page)) {
            chain.doFilter(new PinnedConnection(request, this.url, this.account), response);
        }
        else if ((page.endsWith(".do") && !ALLOWED.contains(page)) || CLOSED_PAGES.contains(page)) {
            response.sendError(HttpStatus.NOT_FOUND.value());
        }
        else {
            chain.doFilter(request, response);
        }
    }

    /** The last segment of the path below the console's own: {@code query.do}, {@code stylesheet.css}. */
    private static String page(HttpServletRequest request) {
        String path = (request.getPathInfo() != null) ? request.getPathInfo() : "";
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The console's login form with the fields that say where to connect set by us. */
    private static final class PinnedConnection extends HttpServletRequestWrapper {

        private final Map<String, String[]> parameters;

        PinnedConnection(HttpServletRequest request, String url, ConsoleAccount account) {
            super(request);
            Map<String, String[]> parameters = new LinkedHashMap<>(request.getParameterMap());
            parameters.put("driver", new String[] { "org.h2.Driver" });
            parameters.put("url", new String[] { url });
            parameters.put("user", new String[] { ConsoleAccount.USER });
            parameters.put("password", new String[] { account.password() });
            this.parameters = Collections.unmodifiableMap(parameters);
        }

        @Override
        public String getParameter(String name) {
            String[] values = this.parameters.get(name);
            return (values != null && values.length > 0) ? values[0] : null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return this.parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(this.parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return this.parameters.get(name);
        }

    }

}
