package io.recruitflow.adapter.ghl;

import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Lazy paging over any of GHL's cursor styles: nothing is fetched until the stream is consumed, each page
 * only when the previous one is used up. Stops when a page names no next cursor (each caller decides that
 * from its style: an empty or short page, no nextPageUrl, nextPage false) and on a cursor seen before (a
 * server bug must not become an endless loop).
 */
final class Pager {
    private Pager() {}

    /** One page: its items and the cursor of the next page, if any. */
    record PageOf<C, T>(List<T> items, Optional<C> next) {
        PageOf {
            items = items == null ? List.of() : items;
        }
    }

    /** A lazy stream of every item; {@code fetch} gets empty for the first page, then each cursor. */
    static <C, T> Stream<T> stream(Function<Optional<C>, PageOf<C, T>> fetch) {
        Iterator<T> it = new Iterator<>() {
            private Iterator<T> current = Collections.emptyIterator();
            private Optional<C> cursor = Optional.empty();
            private boolean started;
            private boolean done;
            private final Set<C> seen = new HashSet<>();

            @Override
            public boolean hasNext() {
                while (!current.hasNext()) {
                    if (done) {
                        return false;
                    }
                    if (started && cursor.isEmpty()) {
                        done = true;
                        return false;
                    }
                    started = true;
                    PageOf<C, T> page = fetch.apply(cursor);
                    current = page.items().iterator();
                    cursor = page.next();
                    if (cursor.isEmpty() || !seen.add(cursor.get())) {
                        done = true;
                    }
                }
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }
}
