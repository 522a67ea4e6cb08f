package io.chatda.server.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StrictQueryTest {

    @Test
    void decodesPercentEncodedUtf8AndPlus() {
        StrictQuery q = StrictQuery.parse("q=%EA%B5%90%EC%B0%A9+state&size=5&q=ignored");

        assertThat(q.get("q")).isEqualTo("교착 state");
        assertThat(q.intParam("size", 10, 1, 50)).isEqualTo(5);
        assertThat(q.get("missing")).isNull();
    }

    @Test
    void repairsRawUtf8BytesThatWereReencodedAsLatin1() {
        // what the HTTP layer makes of curl's unencoded "교": each byte re-encoded as a Latin-1 char
        assertThat(StrictQuery.parse("q=%C3%AA%C2%B5%C2%90").get("q")).isEqualTo("교");
        // genuine Latin-1 text stays as typed
        assertThat(StrictQuery.parse("q=caf%C3%A9").get("q")).isEqualTo("café");
    }

    @Test
    void rejectsBrokenEscapesAndInvalidUtf8() {
        for (String raw : new String[] {"q=%E0%A4%A", "q=%", "q=%zz", "q=%FF%FE", "q=%C3"}) {
            assertThatThrownBy(() -> StrictQuery.parse(raw)).as(raw).isInstanceOf(BadRequestException.class);
        }
    }

    @Test
    void rejectsOutOfRangeNumbers() {
        assertThatThrownBy(() -> StrictQuery.parse("size=99").intParam("size", 10, 1, 50))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("between 1 and 50");
        assertThatThrownBy(() -> StrictQuery.parse("size=x").intParam("size", 10, 1, 50))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("number");
    }
}
