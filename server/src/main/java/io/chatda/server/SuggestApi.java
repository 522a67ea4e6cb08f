package io.chatda.server;

import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.chatda.suggest.Suggester;
import io.chatda.suggest.Suggestion;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** {@code GET /api/suggest?q=&limit=}: completions for what the user has typed so far. In memory, on the event loop. */
final class SuggestApi implements HttpService {

    static final int MAX_LIMIT = 20;

    /** The JSON shape of the answer. */
    record Answer(String query, List<Item> suggestions) {
    }

    /** One suggestion; {@code kind} is query, title, heading or topic. */
    record Item(String text, String kind, String url) {
    }

    private final Supplier<Suggester> suggester;
    private final JsonResponses json;

    SuggestApi(Supplier<Suggester> suggester, JsonResponses json) {
        this.suggester = suggester;
        this.json = json;
    }

    @Override
    public HttpResponse serve(ServiceRequestContext ctx, HttpRequest req) {
        StrictQuery params = StrictQuery.parse(ctx.query());
        String q = QueryText.require(params);
        int limit = params.intParam("limit", 10, 1, MAX_LIMIT);
        List<Item> items = suggester.get().suggest(q, limit).stream().map(SuggestApi::toItem).toList();
        return json.ok(new Answer(q, items));
    }

    private static Item toItem(Suggestion s) {
        return new Item(s.text(), s.kind().name().toLowerCase(Locale.ROOT), s.url());
    }
}
