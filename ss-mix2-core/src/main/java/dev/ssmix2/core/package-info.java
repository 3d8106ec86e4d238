/** Reading SS-MIX2 standardized storages (標準化ストレージ). */
package dev.ssmix2.core;
