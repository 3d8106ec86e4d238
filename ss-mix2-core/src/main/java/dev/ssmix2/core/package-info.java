/** Reading SS-MIX2 standardized storages (標準化ストレージ). */
@NullMarked
package dev.ssmix2.core;

import org.jspecify.annotations.NullMarked;
