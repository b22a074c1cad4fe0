package dev.jwtflights.flights;

import java.io.IOException;

import dev.jwtflights.login.ApiTokenInterceptor;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willCallRealMethod;

/**
 * For tests of the API client outside a page request: the mocked browser-side interceptor sends a fixed token, as the
 * real one sends the page user's.
 */
final class ApiTokenStub {

    private ApiTokenStub() {
    }

    static void sendToken(ApiTokenInterceptor apiTokens, String accessToken) throws IOException {
        // The client builds its chain with the interceptor's default apply(), which a plain mock would answer null.
        willCallRealMethod().given(apiTokens).apply(any());
        given(apiTokens.intercept(any(), any(), any())).willAnswer((call) -> {
            HttpRequest request = call.getArgument(0);
            request.getHeaders().setBearerAuth(accessToken);
            ClientHttpRequestExecution execution = call.getArgument(2);
            return execution.execute(request, call.getArgument(1));
        });
    }

}
