/**
 * The patient index on SolrCloud, for a regional network whose index outgrows one machine or must survive a machine's
 * failure: {@link dev.ssmix2.index.solr.SolrPatientIndex} (create a collection, connect, update, search, patient,
 * records) and the one exception it throws ({@link dev.ssmix2.index.solr.SolrIndexException}). The only package that
 * uses the Solr client, an optional dependency: users of the embedded index never load it.
 */
@NullMarked
package dev.ssmix2.index.solr;

import org.jspecify.annotations.NullMarked;
