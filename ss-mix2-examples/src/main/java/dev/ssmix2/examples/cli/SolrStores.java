package dev.ssmix2.examples.cli;

import dev.ssmix2.index.solr.SolrPatientIndex;
import dev.ssmix2.index.store.PatientStore;

/** The only class of the command line that touches the SolrCloud backend, so the Solr client loads only with --solr. */
final class SolrStores {
  private SolrStores() {}

  static PatientStore connect(String zkHost, String collection) {
    return SolrPatientIndex.connect(zkHost, collection);
  }

  static boolean createCollection(String zkHost, String collection, int shards, int replicas) {
    return SolrPatientIndex.createCollection(zkHost, collection, shards, replicas);
  }
}
