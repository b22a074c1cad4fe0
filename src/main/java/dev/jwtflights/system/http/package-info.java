/**
 * How every HTTP request is met before any module's code sees it, none of it called by other modules: the firewall
 * (Spring Security's strict one, its header values checked without a regular expression, and its URL rules applied
 * before the container's own parsing), the static files at their own paths, and no observations of Spring Security's
 * filters.
 */
package dev.jwtflights.system.http;
