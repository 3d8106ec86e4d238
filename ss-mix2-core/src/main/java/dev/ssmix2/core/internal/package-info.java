/**
 * Helpers shared by several core packages. Not part of the public API: types here may change without notice.
 */
@NullMarked
package dev.ssmix2.core.internal;

import org.jspecify.annotations.NullMarked;
