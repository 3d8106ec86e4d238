/**
 * Japanese person-name normalisation, engine-neutral: {@link dev.ssmix2.index.name.NameKeys} computes every search key
 * (kanji exact/strict/loose, kana exact/loose, romaji) from a registered name, and the same static helpers normalise query
 * text. The work is done by small {@link dev.ssmix2.index.name.NameStep}s ({@link dev.ssmix2.index.name.NameSteps}) over
 * versioned tables bundled as resources (see {@code NOTICE.md} there for sources and licences). {@link
 * dev.ssmix2.index.name.ReadingGuesser} proposes readings (読み推定) when a record has no kana.
 */
@NullMarked
package dev.ssmix2.index.name;

import org.jspecify.annotations.NullMarked;
