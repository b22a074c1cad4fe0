package dev.jwtflights.test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An HTTP client that acts like a browser for journey tests (Selenium drives a real one: {@link Browser}): it keeps cookies as a browser does (by name, dropping those
 * set with {@code Max-Age=0}), follows no redirect by itself, and fills in the CSRF field of forms.
 */
public final class CookieJarClient {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(10))
        .build();

    private final String baseUrl;

    private final Map<String, String> cookies = new LinkedHashMap<>();

    public CookieJarClient(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    public Page get(String path, String... headers) {
        HttpRequest.Builder request = request(path, headers).GET();
        return send(request);
    }

    public Page post(String path, Map<String, String> form, String... headers) {
        String body = form.entrySet()
            .stream()
            .map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
            .collect(Collectors.joining("&"));
        HttpRequest.Builder request = request(path, headers)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
        return send(request);
    }

    /** Posts a JSON body, as the passkey script does, with the CSRF token of {@code page} in its header. */
    public Page postJson(Page page, String path, String json) {
        HttpRequest.Builder request = request(path, "X-XSRF-TOKEN", page.csrfToken())
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
        return send(request);
    }

    public Page delete(String path, String... headers) {
        return send(request(path, headers).DELETE());
    }

    /** Posts a form found on {@code page}, adding its CSRF field. */
    public Page submit(Page page, String path, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", page.csrfToken());
        return post(path, form);
    }

    /** A new browser, signed in through the login form as the given user; the login must succeed. */
    public static CookieJarClient signedIn(int port, String username, String password) {
        CookieJarClient browser = new CookieJarClient(port);
        Page answer = browser.logIn(username, password);
        if (answer.location().filter((location) -> location.endsWith("/flights")).isEmpty()) {
            throw new AssertionError("login of '" + username + "' failed: " + answer);
        }
        return browser;
    }

    /** Logs in through the login form; returns the response to {@code POST /login}. */
    public Page logIn(String username, String password) {
        Page loginPage = get("/login");
        return submit(loginPage, "/login", Map.of("username", username, "password", password));
    }

    /** Follows a redirect answer to its target. */
    public Page follow(Page redirect) {
        String location = redirect.location().orElseThrow(() -> new AssertionError("not a redirect: " + redirect));
        URI target = URI.create(this.baseUrl).resolve(location);
        return get(target.getRawPath() + ((target.getRawQuery() != null) ? "?" + target.getRawQuery() : ""));
    }

    public Optional<String> cookie(String name) {
        return Optional.ofNullable(this.cookies.get(name));
    }

    public void setCookie(String name, String value) {
        this.cookies.put(name, value);
    }

    public void removeCookie(String name) {
        this.cookies.remove(name);
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
            .timeout(Duration.ofSeconds(30));
        if (!this.cookies.isEmpty()) {
            request.header("Cookie", this.cookies.entrySet()
                .stream()
                .map((cookie) -> cookie.getKey() + "=" + cookie.getValue())
                .collect(Collectors.joining("; ")));
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return request;
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Page page = new Page(response.statusCode(), response.headers().map(), response.body());
            page.setCookies().forEach(this::store);
            return page;
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private void store(String setCookie) {
        String nameValue = setCookie.split(";", 2)[0];
        int equals = nameValue.indexOf('=');
        String name = nameValue.substring(0, equals).strip();
        String value = nameValue.substring(equals + 1).strip();
        boolean expired = setCookie.toLowerCase().contains("max-age=0") || value.isEmpty();
        if (expired) {
            this.cookies.remove(name);
        }
        else {
            this.cookies.put(name, value);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A response as the browser received it. */
    public record Page(int status, Map<String, List<String>> headers, String body) {

        public Optional<String> header(String name) {
            return this.headers.entrySet()
                .stream()
                .filter((header) -> header.getKey().equalsIgnoreCase(name))
                .flatMap((header) -> header.getValue().stream())
                .findFirst();
        }

        public Optional<String> location() {
            return header("Location");
        }

        public List<String> setCookies() {
            return this.headers.entrySet()
                .stream()
                .filter((header) -> header.getKey().equalsIgnoreCase("Set-Cookie"))
                .flatMap((header) -> header.getValue().stream())
                .toList();
        }

        public Optional<String> setCookie(String name) {
            return setCookies().stream().filter((cookie) -> cookie.startsWith(name + "=")).findFirst();
        }

        public String csrfToken() {
            Matcher matcher = CSRF_FIELD.matcher(this.body);
            if (!matcher.find()) {
                throw new AssertionError("no CSRF field on the page");
            }
            return matcher.group(1);
        }

        @Override
        public String toString() {
            return "Page[status=" + this.status + ", location=" + location().orElse("-") + "]";
        }

    }

}
