package dev.jwtflights;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

import dev.jwtflights.test.Browser;
import dev.jwtflights.test.BrowserTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page of ours in a real browser: its title, one layout, labelled inputs, sufficient contrast, no inline script
 * or style (so {@code default-src 'self'} holds, and no CSP violation is reported), and the main flow by keyboard
 * alone.
 */
@BrowserTest
class PagesBrowserTests {

    /** Problems of a page: unlabelled inputs, missing landmarks, inline scripts, styles or event handlers. */
    private static final String STRUCTURE_PROBLEMS = """
            const problems = [];
            document.querySelectorAll('input, select, textarea').forEach((el) => {
              if (['hidden', 'submit', 'button', 'reset', 'image'].includes(el.type)) { return; }
              const label = el.id && document.querySelector('label[for="' + CSS.escape(el.id) + '"]');
              if (!(label && label.textContent.trim()) && !el.getAttribute('aria-label')) {
                problems.push('input without a label: ' + (el.name || el.id || el.type));
              }
            });
            if (document.documentElement.lang !== 'en') { problems.push('html lang is not en'); }
            if (document.querySelectorAll('h1').length !== 1) { problems.push('not exactly one h1'); }
            if (document.querySelectorAll('main').length !== 1) { problems.push('not exactly one main'); }
            if (!document.querySelector('nav[aria-label]')) { problems.push('no labelled nav'); }
            document.querySelectorAll('script:not([src])').forEach(() => problems.push('inline script'));
            document.querySelectorAll('style').forEach(() => problems.push('style element'));
            document.querySelectorAll('*').forEach((el) => {
              for (const attribute of el.attributes) {
                if (attribute.name === 'style' || attribute.name.startsWith('on')) {
                  problems.push('inline ' + attribute.name + ' on ' + el.tagName.toLowerCase());
                }
              }
            });
            return problems;
            """;

    /** WCAG 2 AA contrast of every visible text against its (blended) background. */
    private static final String CONTRAST_PROBLEMS = """
            function parse(color) {
              const parts = color.match(/[\\d.]+/g).map(Number);
              return { r: parts[0], g: parts[1], b: parts[2], a: parts.length > 3 ? parts[3] : 1 };
            }
            function over(top, bottom) {
              return { r: top.r * top.a + bottom.r * (1 - top.a), g: top.g * top.a + bottom.g * (1 - top.a),
                       b: top.b * top.a + bottom.b * (1 - top.a), a: 1 };
            }
            function background(el) {
              const layers = [];
              for (let e = el; e; e = e.parentElement) {
                const c = parse(getComputedStyle(e).backgroundColor);
                if (c.a > 0) { layers.push(c); if (c.a >= 1) { break; } }
              }
              let result = { r: 255, g: 255, b: 255, a: 1 };
              for (let i = layers.length - 1; i >= 0; i--) { result = over(layers[i], result); }
              return result;
            }
            function luminance(c) {
              const [r, g, b] = [c.r, c.g, c.b].map((v) => {
                v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
              });
              return 0.2126 * r + 0.7152 * g + 0.0722 * b;
            }
            const problems = [];
            document.querySelectorAll('body *').forEach((el) => {
              const text = Array.from(el.childNodes).filter((n) => n.nodeType === 3)
                .map((n) => n.textContent.trim()).join('');
              const box = el.getBoundingClientRect();
              if (!text || box.width <= 1 || box.height <= 1) { return; }
              const style = getComputedStyle(el);
              if (style.visibility === 'hidden') { return; }
              const bg = background(el);
              const fg = over(parse(style.color), bg);
              const [hi, lo] = [luminance(fg), luminance(bg)].sort((x, y) => y - x);
              const ratio = (hi + 0.05) / (lo + 0.05);
              const size = parseFloat(style.fontSize);
              const large = size >= 24 || (size >= 18.66 && parseInt(style.fontWeight, 10) >= 700);
              if (ratio < (large ? 3 : 4.5)) {
                problems.push(el.tagName.toLowerCase() + ' "' + text.slice(0, 30) + '": ' + ratio.toFixed(2) + ':1');
              }
            });
            return problems;
            """;

    @LocalServerPort
    private int port;

    @Test
    void pagesWhenSignedOutThenTitledLabelledAndReadable() {
        try (Browser browser = Browser.open(this.port)) {
            for (String notice : List.of("", "?error", "?logout", "?expired", "?revoked", "?reused")) {
                browser.open("/login" + notice);
                assertPage(browser, "Sign in");
            }
            browser.open("/flights");
            assertThat(browser.path()).isEqualTo("/login");
            assertNoCspViolations(browser);
        }
    }

    @Test
    void pagesWhenSignedInThenTitledLabelledAndReadable() {
        try (Browser user = Browser.open(this.port); Browser admin = Browser.open(this.port)) {
            user.signIn("secret", "secret");
            assertPage(user, "Flights");
            assertThat(user.isPresent(By.id("h2-console-link"))).isFalse();
            WebElement flightsLink = user.find(By.id("flights-link"));
            assertThat(flightsLink.getAttribute("class")).contains("active");
            assertThat(flightsLink.getAttribute("aria-current")).isEqualTo("page");
            assertThat(user.driver().findElements(By.cssSelector("nav [aria-current]"))).hasSize(1);

            user.open("/no-such-page");
            assertPage(user, "Page not found");
            assertThat(user.find(By.id("flights-link")).getAttribute("class")).doesNotContain("active");
            assertThat(user.isPresent(By.cssSelector("nav [aria-current]"))).isFalse();
            assertThat(user.find(By.id("signed-in-as")).getText()).isEqualTo("Signed in as secret");
            user.screenshot("error-404");

            user.open("/h2-console/");
            assertPage(user, "Access denied");
            assertThat(user.find(By.tagName("main")).getText()).doesNotContainIgnoringCase("exception")
                .doesNotContainIgnoringCase("forbidden");

            user.open("/account/sessions");
            assertPage(user, "Your sessions");

            admin.signIn("admin", "admin");
            assertPage(admin, "Flights");
            assertThat(admin.find(By.id("h2-console-link")).getAttribute("href")).endsWith("/h2-console/");
            Map.of("/account/sessions", "Your sessions", "/admin/sessions", "All sessions", "/admin/users", "Users",
                    "/admin/events", "Events", "/admin/sessions/end-all", "End every session",
                    "/admin/users/password?username=secret", "Set a password")
                .forEach((path, title) -> {
                    admin.open(path);
                    assertPage(admin, title);
                });
            assertNoCspViolations(user);
            assertNoCspViolations(admin);
        }
    }

    @Test
    void signInAndOutWithKeyboardOnlyThenFocusAlwaysVisible() {
        try (Browser browser = Browser.open(this.port)) {
            browser.open("/login");
            browser.find(By.id("username"));
            assertThat(active(browser).getAttribute("id")).as("focus on arrival").isEqualTo("username");
            keys(browser, (actions) -> actions.sendKeys("secret").sendKeys(Keys.TAB));
            assertThat(active(browser).getAttribute("id")).isEqualTo("password");
            assertVisibleFocus(browser);
            keys(browser, (actions) -> actions.sendKeys("secret").sendKeys(Keys.ENTER));
            browser.waiting().until(ExpectedConditions.urlToBe(browser.url("/flights")));
            browser.find(By.id("session-panel"));

            keys(browser, (actions) -> actions.sendKeys(Keys.TAB));
            WebElement skipLink = active(browser);
            assertThat(skipLink.getText()).isEqualTo("Skip to main content");
            assertThat(skipLink.getRect().getHeight()).as("skip link shown when focused").isGreaterThan(10);
            assertVisibleFocus(browser);
            keys(browser, (actions) -> actions.sendKeys(Keys.ENTER));
            assertThat(active(browser).getAttribute("id")).isEqualTo("main");

            keys(browser, (actions) -> actions.keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT));
            assertThat(active(browser).getAttribute("id")).isEqualTo("sign-out");
            assertVisibleFocus(browser);
            keys(browser, (actions) -> actions.sendKeys(Keys.ENTER));
            browser.waiting().until(ExpectedConditions.urlToBe(browser.url("/login?logout")));
        }
    }

    private static void assertPage(Browser browser, String title) {
        browser.find(By.tagName("h1"));
        assertThat(browser.title()).isEqualTo(title + " · jwt-flights");
        assertThat(browser.find(By.tagName("h1")).getText()).isNotBlank();
        List<String> structure = browser.script(STRUCTURE_PROBLEMS);
        assertThat(structure).as("structure of %s", browser.path()).isEmpty();
        List<String> contrast = browser.script(CONTRAST_PROBLEMS);
        assertThat(contrast).as("contrast on %s", browser.path()).isEmpty();
    }

    private static void assertNoCspViolations(Browser browser) {
        assertThat(browser.consoleMessages()).noneMatch((message) -> message.contains("Content Security Policy"));
    }

    private static void assertVisibleFocus(Browser browser) {
        WebElement focused = active(browser);
        assertThat(focused.getCssValue("outline-style")).as("outline of #%s", focused.getAttribute("id"))
            .isEqualTo("solid");
        assertThat(focused.getCssValue("outline-width")).isEqualTo("3px");
    }

    private static void keys(Browser browser, Consumer<Actions> typing) {
        Actions actions = new Actions(browser.driver());
        typing.accept(actions);
        actions.perform();
    }

    private static WebElement active(Browser browser) {
        return browser.driver().switchTo().activeElement();
    }

}
