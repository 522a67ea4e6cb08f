package io.chatda.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.armeria.common.ClosedSessionException;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.chatda.server.core.BadRequestException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ApiErrorHandlerTest {

    private final ApiErrorHandler handler = new ApiErrorHandler(new JsonResponses(new ObjectMapper()), () -> null);
    private final ServiceRequestContext ctx =
            ServiceRequestContext.of(HttpRequest.of(HttpMethod.GET, "/api/search?q=x"));

    private int status(Throwable cause) {
        return handler.onServiceException(ctx, cause)
                .aggregate()
                .join()
                .status()
                .code();
    }

    @Test
    void aClientThatClosedTheConnectionIsNotAServerError() {
        assertThat(status(ClosedSessionException.get())).isEqualTo(499);
        assertThat(status(new CompletionException(ClosedSessionException.get())))
                .isEqualTo(499);
    }

    @Test
    void badRequestsAndBugsKeepTheirStatuses() {
        assertThat(status(new BadRequestException("nope"))).isEqualTo(400);
        assertThat(status(new IllegalStateException("bug"))).isEqualTo(500);
    }
}
