/** Japanese name normalisation and the Lucene patient index. */
package dev.ssmix2.index;
