package io.chatda.server;

import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.metric.MeterIdPrefix;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.auth.AuthService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guards routes with a shared secret through Armeria's {@link AuthService}: {@code Authorization: Bearer <token>}
 * (the scheme's case doesn't matter, RFC 9110 11.1; the token is compared in constant time) or a JSON 401 with
 * {@code WWW-Authenticate}.
 */
final class BearerToken {

    private static final Logger log = LoggerFactory.getLogger(BearerToken.class);

    private final byte[] token;
    private final String challenge;
    private final JsonResponses json;
    private final String meterPrefix;

    /**
     * @param realm       named in the 401's {@code WWW-Authenticate}
     * @param meterPrefix the name prefix of the check's meters
     */
    BearerToken(String token, String realm, JsonResponses json, String meterPrefix) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.challenge = "Bearer realm=\"" + realm + "\"";
        this.json = json;
        this.meterPrefix = meterPrefix;
    }

    Function<? super HttpService, ? extends HttpService> decorator() {
        return AuthService.builder()
                .addOAuth2((ctx, bearer) -> CompletableFuture.completedFuture(
                        MessageDigest.isEqual(token, bearer.accessToken().getBytes(StandardCharsets.UTF_8))))
                .onFailure((delegate, ctx, req, cause) -> {
                    if (cause != null) {
                        log.error("bearer token check failed on {}", ctx.path(), cause);
                    }
                    var answer = json.error(HttpStatus.UNAUTHORIZED, "missing or wrong bearer token");
                    return HttpResponse.of(
                            answer.headers().toBuilder()
                                    .set(HttpHeaderNames.WWW_AUTHENTICATE, challenge)
                                    .build(),
                            answer.content());
                })
                .meterIdPrefix(new MeterIdPrefix(meterPrefix))
                .newDecorator();
    }
}
