package org.mlplayground.lesson;

/**
 * One {@code key: value} of a lesson, where the teacher wrote it.
 *
 * @param line the file's line, 1-based
 */
public record Setting(String key, String value, int line) {
}
