package th.onecitizen.consent;

import java.util.List;

/**
 * One page of a list.
 *
 * @param items the items on this page
 * @param page  the page number, from 0
 * @param size  the page size asked for
 * @param total how many items there are in all
 * @param <T>   the item type
 */
public record Page<T>(List<T> items, int page, int size, long total) {

    public Page {
        items = List.copyOf(items);
    }
}
