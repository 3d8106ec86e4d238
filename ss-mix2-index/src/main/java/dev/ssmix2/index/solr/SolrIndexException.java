package dev.ssmix2.index.solr;

import dev.ssmix2.core.SsMix2Exception;

/**
 * A SolrCloud collection cannot be used: ZooKeeper or Solr cannot be reached, the collection does not exist, or a
 * request failed. The message names the collection and its ZooKeeper address.
 */
public final class SolrIndexException extends SsMix2Exception {
  private static final long serialVersionUID = 1L;

  SolrIndexException(String location, String reason, Throwable cause) {
    super(location + ": " + reason, cause);
  }

  SolrIndexException(String location, String reason) {
    super(location + ": " + reason);
  }
}
