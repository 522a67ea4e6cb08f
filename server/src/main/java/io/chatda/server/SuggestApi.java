package io.chatda.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.chatda.server.core.Limits;
import io.chatda.server.core.QueryText;
import io.chatda.server.core.StrictQuery;
import io.chatda.suggest.Suggester;
import io.chatda.suggest.Suggestion;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * {@code GET /api/suggest?q=&limit=&site=}: completions for what the user has typed so far. In memory, on the
 * event loop. Whole answers (headers with their {@code ETag}, and the JSON) of hot prefixes are cached in
 * Caffeine, keyed by the dictionary generation and the raw query string, so a repeated prefix costs one
 * cache lookup: no query parsing, no JSON, no header building. A rebuilt dictionary is never answered
 * from the old one. Query strings the API rejects (400) are not cached.
 */
final class SuggestApi implements HttpService {

    /**
     * Bound of the answer cache in bytes (UTF-16 key plus JSON, roughly): weighed rather than counted,
     * because the key is the raw query string, which a client can pad with parameters the API ignores.
     */
    static final long CACHE_BYTES = 64L << 20;
    /** Approximate fixed cost of one entry: key, headers and Caffeine's node. */
    private static final int ENTRY_OVERHEAD = 400;

    /** The JSON shape of the answer. */
    record Answer(String query, List<Item> suggestions) {}

    /**
     * One suggestion; {@code kind} is query, title, heading or topic; {@code match} how it matched (prefix,
     * word, choseong, layout, typo); {@code spans} the UTF-16 {@code [start, end)} ranges of {@code text} to
     * highlight.
     */
    record Item(String text, String kind, String url, String match, List<int[]> spans) {}

    private record Key(long generation, String query) {}

    /** A finished 200 answer; both parts are immutable, so one copy serves every request for it. */
    private record Cached(ResponseHeaders headers, HttpData body) {}

    private final Supplier<Suggester> suggester;
    private final LongSupplier generation;
    private final Freshness freshness;
    private final JsonResponses json;
    private final Cache<Key, Cached> answers = Caffeine.newBuilder()
            .maximumWeight(CACHE_BYTES)
            .weigher((Key k, Cached v) ->
                    ENTRY_OVERHEAD + 2 * k.query().length() + v.body().length())
            .recordStats()
            .build();

    /**
     * @param freshness the route's {@link Freshness}, whose {@code ETag} and {@code Cache-Control} go into
     *                  the cached headers (the route's decorator is then {@link Freshness#notModifiedDecorator()})
     */
    SuggestApi(
            Supplier<Suggester> suggester,
            LongSupplier generation,
            Freshness freshness,
            JsonResponses json,
            MeterRegistry registry) {
        this.suggester = suggester;
        this.generation = generation;
        this.freshness = freshness;
        this.json = json;
        CaffeineCacheMetrics.monitor(registry, answers, "suggest");
    }

    @Override
    public HttpResponse serve(ServiceRequestContext ctx, HttpRequest req) {
        StrictQuery.requireRawUtf8(ctx.routingContext().requestTarget().rawPath());
        String query = ctx.query();
        Cached answer = answers.get(new Key(generation.getAsLong(), query == null ? "" : query), this::answer);
        return HttpResponse.of(answer.headers(), answer.body());
    }

    private Cached answer(Key key) {
        StrictQuery params = StrictQuery.parse(key.query());
        String q = QueryText.require(params);
        int limit = params.intParam("limit", Limits.DEFAULT_SUGGESTIONS, 1, Suggester.MAX_LIMIT);
        String site = params.get("site") == null ? "" : params.get("site").strip();
        List<Item> items = suggester.get().suggest(q, limit, site).stream()
                .map(SuggestApi::toItem)
                .toList();
        ResponseHeaders headers = freshness
                .tag(json.okHeaders(), freshness.etag(key.generation(), key.query()))
                .build();
        return new Cached(headers, HttpData.wrap(json.bytes(new Answer(q, items))));
    }

    private static Item toItem(Suggestion s) {
        return new Item(
                s.text(),
                s.kind().name().toLowerCase(Locale.ROOT),
                s.url(),
                s.match().name().toLowerCase(Locale.ROOT),
                s.spans().stream()
                        .map(span -> new int[] {span.start(), span.end()})
                        .toList());
    }
}
