package io.chatda.server;

import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.SimpleDecoratingHttpService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Function;

/** Guards routes with a shared secret: {@code Authorization: Bearer <token>} or a JSON 401. */
final class BearerToken {

    private final byte[] token;
    private final String challenge;
    private final JsonResponses json;

    /** @param realm named in the 401's {@code WWW-Authenticate} */
    BearerToken(String token, String realm, JsonResponses json) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.challenge = "Bearer realm=\"" + realm + "\"";
        this.json = json;
    }

    /**
     * Answers 401 unless the request carries {@code Authorization: Bearer <token>} (the scheme's case doesn't
     * matter, RFC 9110 11.1; the token is compared in constant time).
     */
    Function<? super HttpService, ? extends HttpService> decorator() {
        return delegate -> new SimpleDecoratingHttpService(delegate) {
            @Override
            public HttpResponse serve(ServiceRequestContext ctx, HttpRequest req) throws Exception {
                if (!authorized(req.headers().get(HttpHeaderNames.AUTHORIZATION))) {
                    var answer = json.error(HttpStatus.UNAUTHORIZED, "missing or wrong bearer token");
                    return HttpResponse.of(answer.headers().toBuilder()
                            .set(HttpHeaderNames.WWW_AUTHENTICATE, challenge).build(), answer.content());
                }
                return ((HttpService) unwrap()).serve(ctx, req);
            }
        };
    }

    private boolean authorized(String header) {
        if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(token, header.substring(7).getBytes(StandardCharsets.UTF_8));
    }
}
