package dev.ssmix2.core.validate;

/**
 * How far a validation run has come.
 *
 * @param entriesChecked storage entries (placed files and unplaced entries) checked so far
 */
public record ValidationProgress(long entriesChecked) {}
