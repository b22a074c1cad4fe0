/**
 * The browser side: the token cookies and the filter that reads them (renewing the session silently), the login page
 * and its handlers, logout, the filter chains of the pages and of the H2 console, and what every page is told (who is
 * signed in, the session panel's data). Offers {@link dev.jwtflights.login.ApiTokenInterceptor}, which lets a page
 * call the API with the user's access token.
 */
package dev.jwtflights.login;
