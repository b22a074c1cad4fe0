package dev.jwtflights.system;

/**
 * A clean-up that {@link Housekeeping} runs as soon as the application is ready and then every hour: it deletes rows
 * that no rule reads any more. It must be safe to run on several instances at once (each deletes what is still
 * there) and must change no answer the application gives.
 */
public interface Purge {

    /**
     * Deletes what is due now.
     * @return how many rows it deleted
     */
    int purge();

}
