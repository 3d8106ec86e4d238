/**
 * Free-text patient query parsing: {@link dev.ssmix2.index.query.ParsedQuery#parse(String)} splits what was typed into
 * patient IDs, a birth-date range (Gregorian or 元号), sex and name tokens. Engine-neutral; the query planner builds
 * index queries from it.
 */
@NullMarked
package dev.ssmix2.index.query;

import org.jspecify.annotations.NullMarked;
