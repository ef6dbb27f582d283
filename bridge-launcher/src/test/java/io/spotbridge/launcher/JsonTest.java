package io.spotbridge.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void parsesEveryKindOfValue() {
        Object parsed = Json.parse(" {\"a\":[1,-2.5,true,false,null],\"b\":{\"c\":\"\\u0041\\/\\t\"},\"d\":{}} ");

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("a", Arrays.asList(1L, -2.5, true, false, null));
        expected.put("b", Map.of("c", "A/\t"));
        expected.put("d", Map.of());
        assertThat(parsed).isEqualTo(expected);
    }

    @Test
    void rejectsWhatIsNotJson() {
        for (String bad : new String[] {"", "{", "{\"a\" 1}", "[1,]", "{\"a\":1} x", "\"open", "tru", "{a:1}"}) {
            assertThatThrownBy(() -> Json.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void quotesControlCharacters() {
        assertThat(Json.quote("\u0001x")).isEqualTo("\"\\u0001x\"");
        assertThat(Json.quote(null)).isEqualTo("null");
    }
}
