package io.clipdesk.ui.clips;

import javafx.collections.ObservableList;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Brings a list of row items in line with the engine's latest values by key: rows that went are removed, new
 * ones inserted where they belong, the rest updated in place. A list view keeps its selection and scroll position,
 * which replacing every row once a second would lose.
 */
final class ItemLists {

    private ItemLists() {
    }

    static <I, V, K> void reconcile(ObservableList<I> items, List<V> latest, Function<V, K> keyOfValue,
                                    Function<I, K> keyOfItem, Function<V, I> create, BiConsumer<I, V> update) {
        Set<K> keys = latest.stream().map(keyOfValue).collect(Collectors.toSet());
        items.removeIf(item -> !keys.contains(keyOfItem.apply(item)));
        Map<K, I> existing = new HashMap<>();
        items.forEach(item -> existing.put(keyOfItem.apply(item), item));
        for (int i = 0; i < latest.size(); i++) {
            V value = latest.get(i);
            I item = existing.get(keyOfValue.apply(value));
            if (item == null) {
                item = create.apply(value);
            }
            update.accept(item, value);
            if (i >= items.size() || items.get(i) != item) {
                items.remove(item);
                items.add(i, item);
            }
        }
    }
}
