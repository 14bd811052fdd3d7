package org.unstuck.domain;

/**
 * A stored value and the version it was read at. Saving it back names that version, so a change
 * made from an out-of-date copy is refused instead of silently overwriting another.
 */
public record Versioned<T>(T value, long version) {
}
