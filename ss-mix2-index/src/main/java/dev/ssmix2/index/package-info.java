/** Japanese name normalisation and the Lucene patient index. */
@NullMarked
package dev.ssmix2.index;

import org.jspecify.annotations.NullMarked;
