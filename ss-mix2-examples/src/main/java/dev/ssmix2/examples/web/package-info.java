/** The outage viewer: HTTP server, JSON API and UI resources over {@link dev.ssmix2.examples.web.ViewerData}. */
@NullMarked
package dev.ssmix2.examples.web;

import org.jspecify.annotations.NullMarked;
