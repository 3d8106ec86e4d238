/** The {@code ssmix2} command line: wiring of core and index, no clinical rules. */
@NullMarked
package dev.ssmix2.examples.cli;

import org.jspecify.annotations.NullMarked;
