package app.hindsight.domain;

import java.util.List;

/**
 * One page of a list kept in id order, before HTTP gives it a cursor: the items, and the id the next page starts
 * after ({@code null} on the last page).
 */
public record Paged<T>(List<T> items, Long nextAfter) {
}
