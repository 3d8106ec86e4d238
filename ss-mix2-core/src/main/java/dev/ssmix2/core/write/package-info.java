/**
 * Writing messages into an SS-MIX2 standardized storage (標準化ストレージ) the way the guideline says a gateway does:
 * right folder, right file name, ISO-2022-JP with CR segment ends, and the コンディションフラグ rules of updates and
 * deletes. Entry point: {@link dev.ssmix2.core.write.StorageWriter}.
 */
@NullMarked
package dev.ssmix2.core.write;

import org.jspecify.annotations.NullMarked;
