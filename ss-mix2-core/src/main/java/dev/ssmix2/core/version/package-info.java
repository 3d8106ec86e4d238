/** Version resolution per key: current, superseded and deleted files, and the anomalies found. */
@NullMarked
package dev.ssmix2.core.version;

import org.jspecify.annotations.NullMarked;
