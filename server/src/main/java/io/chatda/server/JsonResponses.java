package io.chatda.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.ResponseHeaders;
import java.util.Map;

/** Writes API answers and errors as UTF-8 JSON; the one place that turns values into response bodies. */
final class JsonResponses {

    private final ObjectMapper mapper;

    JsonResponses(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    HttpResponse ok(Object body) {
        return okJson(bytes(body));
    }

    /** 200 with a body already written by {@link #bytes(Object)} (e.g. from a cache). */
    HttpResponse okJson(byte[] body) {
        return of(HttpStatus.OK, body);
    }

    HttpResponse of(HttpStatus status, byte[] body) {
        return HttpResponse.of(headers(status), HttpData.wrap(body));
    }

    AggregatedHttpResponse error(HttpStatus status, String message) {
        return AggregatedHttpResponse.of(headers(status), HttpData.wrap(bytes(Map.of("error", message))));
    }

    /** 503 with {@code Retry-After}: the server is shedding load and the client may try again shortly. */
    HttpResponse busy(String message) {
        AggregatedHttpResponse answer = error(HttpStatus.SERVICE_UNAVAILABLE, message);
        return HttpResponse.of(answer.headers().toBuilder().set(HttpHeaderNames.RETRY_AFTER, RETRY_AFTER_SECONDS).build(),
                answer.content());
    }

    /** How long a shed client should wait before retrying. */
    static final String RETRY_AFTER_SECONDS = "1";

    private static ResponseHeaders headers(HttpStatus status) {
        return ResponseHeaders.builder(status)
                .contentType(MediaType.JSON_UTF_8)
                .set(HttpHeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff")
                .build();
    }

    byte[] bytes(Object body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("value can't be written as JSON: " + body.getClass(), e);
        }
    }
}
