package io.chatda.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
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
 * event loop; the JSON of hot prefixes is cached (Caffeine), keyed by the dictionary generation so a
 * rebuilt dictionary is never answered from the old one.
 */
final class SuggestApi implements HttpService {

    static final int MAX_LIMIT = 20;
    static final int CACHE_ENTRIES = 100_000;

    /** The JSON shape of the answer. */
    record Answer(String query, List<Item> suggestions) {
    }

    /**
     * One suggestion; {@code kind} is query, title, heading or topic; {@code match} how it matched (prefix,
     * word, choseong, layout, typo); {@code spans} the UTF-16 {@code [start, end)} ranges of {@code text} to
     * highlight.
     */
    record Item(String text, String kind, String url, String match, List<int[]> spans) {
    }

    private record Key(long generation, String q, int limit, String site) {
    }

    private final Supplier<Suggester> suggester;
    private final LongSupplier generation;
    private final JsonResponses json;
    private final Cache<Key, byte[]> answers = Caffeine.newBuilder()
            .maximumSize(CACHE_ENTRIES)
            .recordStats()
            .build();

    SuggestApi(Supplier<Suggester> suggester, LongSupplier generation, JsonResponses json, MeterRegistry registry) {
        this.suggester = suggester;
        this.generation = generation;
        this.json = json;
        CaffeineCacheMetrics.monitor(registry, answers, "suggest");
    }

    @Override
    public HttpResponse serve(ServiceRequestContext ctx, HttpRequest req) {
        StrictQuery params = StrictQuery.parse(ctx.query());
        String q = QueryText.require(params);
        int limit = params.intParam("limit", 10, 1, MAX_LIMIT);
        String site = params.get("site") == null ? "" : params.get("site").strip();
        byte[] body = answers.get(new Key(generation.getAsLong(), q, limit, site),
                k -> json.bytes(answer(k.q(), k.limit(), k.site())));
        return json.okJson(body);
    }

    private Answer answer(String q, int limit, String site) {
        List<Item> items = suggester.get().suggest(q, limit, site).stream().map(SuggestApi::toItem).toList();
        return new Answer(q, items);
    }

    private static Item toItem(Suggestion s) {
        return new Item(s.text(), s.kind().name().toLowerCase(Locale.ROOT), s.url(),
                s.match().name().toLowerCase(Locale.ROOT),
                s.spans().stream().map(span -> new int[] {span.start(), span.end()}).toList());
    }
}
