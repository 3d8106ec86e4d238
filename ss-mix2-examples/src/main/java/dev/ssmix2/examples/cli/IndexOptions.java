package dev.ssmix2.examples.cli;

import dev.ssmix2.index.store.PatientIndex;
import dev.ssmix2.index.store.PatientStore;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * Where a command finds its patient index: {@code --index DIR} (the embedded index, the default) or {@code --solr
 * ZK --collection NAME} (a SolrCloud collection made by {@code ssmix2 solr init}). The Solr client is only loaded when
 * {@code --solr} is given ({@link SolrStores}).
 */
final class IndexOptions {
  @Option(names = "--index", paramLabel = "DIR", description = "index folder built by 'ssmix2 index'")
  @Nullable Path indexDir;

  @Option(names = "--solr", paramLabel = "ZK",
      description = "SolrCloud instead of an index folder: the ZooKeeper ensemble, HOST:PORT[,HOST:PORT...][/chroot] "
          + "(with --collection)")
  @Nullable String zkHost;

  @Option(names = "--collection", paramLabel = "NAME",
      description = "the SolrCloud collection made by 'ssmix2 solr init' (with --solr)")
  @Nullable String collection;

  /** Throws {@link UsageException} unless exactly one index is named. */
  void check() {
    if (indexDir != null && (zkHost != null || collection != null)) {
      throw new UsageException("give either --index DIR or --solr ZK --collection NAME, not both");
    }
    if (indexDir == null && zkHost == null && collection == null) {
      throw new UsageException("no index given: use --index DIR, or --solr ZK --collection NAME for SolrCloud");
    }
    if (indexDir == null && (zkHost == null || collection == null)) {
      throw new UsageException(zkHost == null ? "--collection needs --solr ZK (the ZooKeeper ensemble)"
          : "--solr needs --collection NAME (the collection made by 'ssmix2 solr init')");
    }
  }

  boolean isSolr() {
    return indexDir == null;
  }

  Path indexDir() {
    if (indexDir == null) {
      throw new IllegalStateException("a SolrCloud collection has no index folder");
    }
    return indexDir;
  }

  /** The options that name this index again, for messages ({@code --index /x} or {@code --solr zk --collection c}). */
  String args() {
    return isSolr() ? "--solr " + zkHost + " --collection " + collection : "--index " + indexDir;
  }

  /** Opens an index that must exist (to search or serve). */
  PatientStore openExisting() {
    check();
    return isSolr() ? SolrStores.connect(zkHost(), collection()) : PatientIndex.openExisting(indexDir());
  }

  /** Opens the index to update: an embedded one is created when missing; a collection must exist. */
  PatientStore openForUpdate() {
    check();
    return isSolr() ? SolrStores.connect(zkHost(), collection()) : PatientIndex.open(indexDir());
  }

  private String zkHost() {
    if (zkHost == null) {
      throw new IllegalStateException("no --solr given");
    }
    return zkHost;
  }

  private String collection() {
    if (collection == null) {
      throw new IllegalStateException("no --collection given");
    }
    return collection;
  }
}
