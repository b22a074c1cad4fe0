/**
 * What every other module may lean on: the {@link java.time.Clock} that all time-dependent rules ask, scheduling of
 * housekeeping jobs, the {@link dev.jwtflights.system.PageController} interface of the pages' controllers and the
 * navigation advice of the pages, start-up checks of our settings and the rule that makes typed text safe for a log
 * line. Depends on no other module.
 */
package dev.jwtflights.system;
