package dev.jwtflights.test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Where the browser tests find Debian's Chromium and its driver, and whether they run at all: without them they are
 * skipped (one line says how to install them), except on CI ({@code CI=true}), where a missing browser fails the
 * build.
 * <p>
 * The locations default to {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}; the system properties
 * {@code chromium.binary} and {@code chromium.driver} override them.
 */
public final class Chromium implements ExecutionCondition {

    static final String INSTALL_HINT = "install them with: sudo apt-get install -y chromium chromium-driver";

    private static final AtomicBoolean skipReported = new AtomicBoolean();

    static Path binary() {
        return Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    }

    static Path driver() {
        return Path.of(System.getProperty("chromium.driver", "/usr/bin/chromedriver"));
    }

    static boolean isInstalled() {
        return Files.isExecutable(binary()) && Files.isExecutable(driver());
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (isInstalled()) {
            return ConditionEvaluationResult.enabled("Chromium found at " + binary());
        }
        String missing = "Browser tests need Chromium (" + binary() + ") and its driver (" + driver() + "): "
                + INSTALL_HINT;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true and no browser. " + missing);
        }
        if (skipReported.compareAndSet(false, true)) {
            System.err.println("SKIPPED browser tests. " + missing);
        }
        return ConditionEvaluationResult.disabled("SKIPPED browser tests. " + missing);
    }

}
