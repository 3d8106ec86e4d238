/**
 * What a search returns: {@link dev.ssmix2.index.search.PatientHit}, how it matched ({@link
 * dev.ssmix2.index.search.MatchTag}), and for a whole search {@link dev.ssmix2.index.search.SearchResult} with the hint
 * to add a birth date when exact homonyms tie.
 */
@NullMarked
package dev.ssmix2.index.search;

import org.jspecify.annotations.NullMarked;
