package io.chatda.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.armeria.common.AggregatedHttpResponse;
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
        return HttpResponse.of(headers(HttpStatus.OK), com.linecorp.armeria.common.HttpData.wrap(bytes(body)));
    }

    AggregatedHttpResponse error(HttpStatus status, String message) {
        return AggregatedHttpResponse.of(headers(status),
                com.linecorp.armeria.common.HttpData.wrap(bytes(Map.of("error", message))));
    }

    private static ResponseHeaders headers(HttpStatus status) {
        return ResponseHeaders.builder(status)
                .contentType(MediaType.JSON_UTF_8)
                .set(HttpHeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff")
                .build();
    }

    private byte[] bytes(Object body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("value can't be written as JSON: " + body.getClass(), e);
        }
    }
}
