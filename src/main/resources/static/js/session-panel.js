// The session panel on /flights: a live countdown to the access token's expiry and the session's end in local time.
// Its data are ISO instants in data-* attributes (never a token); "now" comes from the server, so the countdown
// follows the server's clock even when the computer's clock is off.
(function () {
    'use strict';

    var panel = document.getElementById('session-panel');
    if (!panel) {
        return;
    }
    var serverNow = Date.parse(panel.dataset.now);
    var accessExpires = Date.parse(panel.dataset.accessExpires);
    var sessionExpires = Date.parse(panel.dataset.sessionExpires);
    var offset = isNaN(serverNow) ? 0 : serverNow - Date.now();
    var countdown = document.getElementById('access-countdown');
    var sessionEnd = document.getElementById('session-expires');

    function now() {
        return Date.now() + offset;
    }

    // Seconds count down (rounded up: "in 1 s" until it is over); longer spans are rounded to the nearest unit, so a
    // fresh 7-day session reads "in 7 days", not "in 6 days" a moment after signing in.
    function duration(millis) {
        var seconds = Math.ceil(millis / 1000);
        if (seconds < 120) {
            return seconds + ' s';
        }
        var minutes = Math.round(seconds / 60);
        if (minutes < 120) {
            return minutes + ' min';
        }
        var hours = Math.round(seconds / 3600);
        if (hours < 48) {
            return hours + ' h';
        }
        return Math.round(seconds / 86400) + ' days';
    }

    function tick() {
        if (countdown && !isNaN(accessExpires)) {
            var left = accessExpires - now();
            countdown.textContent = (left > 0) ? 'in ' + duration(left) : 'now: renewed on the next page load';
        }
    }

    if (sessionEnd && !isNaN(sessionExpires)) {
        sessionEnd.textContent = new Date(sessionExpires).toLocaleString() + ' (in ' +
            duration(Math.max(0, sessionExpires - now())) + ')';
    }
    tick();
    window.setInterval(tick, 1000);
}());
