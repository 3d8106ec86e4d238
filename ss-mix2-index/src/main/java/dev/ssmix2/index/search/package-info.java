/** What a search returns: {@link dev.ssmix2.index.search.PatientHit} and how it matched ({@link dev.ssmix2.index.search.MatchTag}). */
package dev.ssmix2.index.search;
