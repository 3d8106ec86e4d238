/** The SS-MIX2 storage layout: roots, patient folders, file names, condition flags, and lazy walks that never write. */
@NullMarked
package dev.ssmix2.core.storage;

import org.jspecify.annotations.NullMarked;
