package dev.jwtflights.api;

import dev.jwtflights.test.Browser;
import dev.jwtflights.test.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Swagger UI as a developer uses it: <em>Authorize</em> with the OAuth 2.0 password flow of the API description
 * (Swagger UI posts the form to the token endpoint by itself), then <em>Try it out</em> on {@code GET /reservation}
 * answers 200, under the pages' strict content security policy for Swagger UI.
 */
@BrowserTest
class SwaggerUiBrowserTests {

    @LocalServerPort
    private int port;

    @Test
    void authorizeWithPasswordFlowThenTryItOutListsTheReservations() {
        try (Browser browser = Browser.open(this.port)) {
            browser.open("/swagger-ui/index.html");
            browser.waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.authorize")))
                .click();

            WebElement username = browser.waiting()
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("oauth_username")));
            username.sendKeys("secret");
            browser.find(By.id("oauth_password")).sendKeys("secret");
            WebElement oauth = username.findElement(By.xpath("ancestor::div[contains(@class,'auth-container')]"));
            oauth.findElement(By.cssSelector("input[id^='client_id']")).sendKeys("swagger-ui");
            oauth.findElement(By.cssSelector("button.authorize")).click();
            browser.waiting()
                .until(ExpectedConditions.textToBePresentInElement(oauth, "Logout"));
            browser.screenshot("swagger-ui-authorized");
            browser.find(By.cssSelector("button.btn-done")).click();

            browser.find(By.cssSelector("#operations-Reservations-list .opblock-summary")).click();
            browser.waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector(
                    "#operations-Reservations-list button.try-out__btn"))).click();
            browser.waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector(
                    "#operations-Reservations-list button.execute"))).click();

            WebElement status = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                    "#operations-Reservations-list .live-responses-table tr.response td.response-col_status")));
            assertThat(status.getText()).isEqualTo("200");
            assertThat(browser.consoleMessages()).noneMatch((message) -> message.contains("Content Security Policy"));
        }
    }

}
