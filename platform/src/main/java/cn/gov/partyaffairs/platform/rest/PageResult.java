package cn.gov.partyaffairs.platform.rest;

import java.util.List;

/**
 * One page of a list. Pages count from 0; {@link #MAX_SIZE} bounds what one request can ask for.
 *
 * @param items the page's items
 * @param page  the page number asked for
 * @param size  the page size asked for
 * @param total how many items match in all
 */
public record PageResult<T>(List<T> items, int page, int size, long total) {
    public static final int MAX_SIZE = 200;
    public static final String DEFAULT_SIZE = "20";
}
