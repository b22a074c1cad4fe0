package dev.jwtflights;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our templates keep the strict Content-Security-Policy possible: no inline script, style or event handler, and every
 * page goes through the one layout. (The browser tests check the rendered pages too.)
 */
class TemplatesTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bth:src=|[^>]*\\bsrc=)[^>]*>");

    private static final Pattern INLINE_STYLE = Pattern.compile("<style\\b|\\sth:style=|\\sstyle=");

    private static final Pattern EVENT_HANDLER = Pattern.compile("\\s(th:)?on[a-z]+\\s*=");

    @Test
    void templatesWhenScannedThenNoInlineScriptStyleOrEventHandler() throws IOException {
        List<Path> templates = templates();
        assertThat(templates).isNotEmpty();
        for (Path template : templates) {
            String html = Files.readString(template, StandardCharsets.UTF_8);
            assertThat(INLINE_SCRIPT.matcher(html).find()).as("inline <script> in %s", template).isFalse();
            assertThat(INLINE_STYLE.matcher(html).find()).as("inline style in %s", template).isFalse();
            assertThat(EVENT_HANDLER.matcher(html).find()).as("inline event handler in %s", template).isFalse();
            assertThat(html).as("unescaped text in %s", template).doesNotContain("th:utext");
        }
    }

    @Test
    void pagesWhenScannedThenAllUseTheLayout() throws IOException {
        for (Path template : templates()) {
            String html = Files.readString(template, StandardCharsets.UTF_8);
            if (html.contains("th:fragment=")) {
                // The layout itself, or a library of fragments that pages include.
                continue;
            }
            assertThat(html).as("layout of %s", template).contains("~{layout :: layout(");
        }
    }

    @Test
    void inlineScriptWhenPresentThenDetected() {
        assertThat(INLINE_SCRIPT.matcher("<script>alert(1)</script>").find()).isTrue();
        assertThat(INLINE_SCRIPT.matcher("<script th:src=\"@{/js/a.js}\" defer></script>").find()).isFalse();
        assertThat(INLINE_STYLE.matcher("<p style=\"color:red\">").find()).isTrue();
        assertThat(EVENT_HANDLER.matcher("<a onclick=\"x()\">").find()).isTrue();
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> paths = Files.walk(TEMPLATES)) {
            return paths.filter((path) -> path.toString().endsWith(".html")).sorted().toList();
        }
    }

}
