package io.chatda.server.web;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads record components that the search module adds over time (a did-you-mean query on the
 * results, topics on each hit) when the record has them, so the page shows them as soon as they
 * exist and renders fine without them. Accepts a plain value, an {@link Optional} or a collection.
 */
final class OptionalComponents {

    private OptionalComponents() {
    }

    /** The component as non-blank text, or empty when the record has no such component or it is empty. */
    static Optional<String> text(Record record, String name) {
        Object value = value(record, name);
        if (value instanceof Optional<?> optional) {
            value = optional.orElse(null);
        }
        return value == null || value.toString().isBlank() ? Optional.empty() : Optional.of(value.toString());
    }

    /** The component as a list of non-blank texts, or an empty list. */
    static List<String> texts(Record record, String name) {
        Object value = value(record, name);
        if (value instanceof Optional<?> optional) {
            value = optional.orElse(null);
        }
        if (value instanceof Collection<?> values) {
            return values.stream().filter(Objects::nonNull).map(Object::toString).filter(s -> !s.isBlank()).toList();
        }
        return value == null || value.toString().isBlank() ? List.of() : List.of(value.toString());
    }

    /** The component as a boolean, false when the record has no such component. */
    static boolean flag(Record record, String name) {
        return Boolean.TRUE.equals(value(record, name));
    }

    private static Object value(Record record, String name) {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            if (component.getName().equals(name)) {
                try {
                    return component.getAccessor().invoke(record);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("can't read " + name + " of " + record.getClass().getName(), e);
                }
            }
        }
        return null;
    }
}
