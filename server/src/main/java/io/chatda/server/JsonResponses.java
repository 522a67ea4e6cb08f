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
import com.linecorp.armeria.common.ResponseHeadersBuilder;
import io.chatda.server.core.Limits;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Writes API answers and errors as UTF-8 JSON; the one place that turns values into response bodies. */
final class JsonResponses {

    /** The headers of every 200 JSON answer; built once (response headers are immutable). */
    private static final ResponseHeaders OK = headers(HttpStatus.OK);

    private final ObjectMapper mapper;
    /** Errors with a fixed message (e.g. 503 "server busy"), written once: shedding must cost next to nothing. */
    private final Map<String, AggregatedHttpResponse> busy = new ConcurrentHashMap<>();

    JsonResponses(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    HttpResponse ok(Object body) {
        return okJson(bytes(body));
    }

    /** 200 with a body already written by {@link #bytes(Object)} (e.g. from a cache). */
    HttpResponse okJson(byte[] body) {
        return HttpResponse.of(OK, HttpData.wrap(body));
    }

    /** The headers of a 200 JSON answer, for services that add their own (e.g. an ETag) and keep the result. */
    ResponseHeadersBuilder okHeaders() {
        return OK.toBuilder();
    }

    HttpResponse of(HttpStatus status, byte[] body) {
        return HttpResponse.of(headers(status), HttpData.wrap(body));
    }

    AggregatedHttpResponse error(HttpStatus status, String message) {
        return AggregatedHttpResponse.of(headers(status), HttpData.wrap(bytes(Map.of("error", message))));
    }

    /** 503 with {@code Retry-After}: the server is shedding load and the client may try again shortly. */
    HttpResponse busy(String message) {
        return busy.computeIfAbsent(message, this::unavailable).toHttpResponse();
    }

    /** A 503 with {@code Retry-After} and {@code message} as the error. */
    AggregatedHttpResponse unavailable(String message) {
        AggregatedHttpResponse answer = error(HttpStatus.SERVICE_UNAVAILABLE, message);
        return AggregatedHttpResponse.of(
                answer.headers().toBuilder()
                        .set(HttpHeaderNames.RETRY_AFTER, Limits.RETRY_AFTER_SECONDS)
                        .build(),
                answer.content());
    }

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
