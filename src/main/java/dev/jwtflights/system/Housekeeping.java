package dev.jwtflights.system;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs every {@link Purge} of the application: once as soon as it is ready (a restarted instance cleans up at once,
 * not an hour later), then every hour. A purge that fails is logged and tried again at the next run; the others run
 * all the same.
 */
@Component
class Housekeeping {

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    private final List<Purge> purges;

    Housekeeping(List<Purge> purges) {
        this.purges = purges;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        run();
    }

    @Scheduled(initialDelayString = "PT1H", fixedDelayString = "PT1H")
    void hourly() {
        run();
    }

    private void run() {
        for (Purge purge : this.purges) {
            try {
                purge.purge();
            }
            catch (RuntimeException ex) {
                log.warn("{} failed ({}); trying again in an hour", purge.getClass().getSimpleName(),
                        ex.getClass().getSimpleName(), ex);
            }
        }
    }

}
