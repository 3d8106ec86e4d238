package dev.ssmix2.examples.cli;

import dev.ssmix2.core.SsMix2Exception;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ssmix2 solr init --zk ZK --collection NAME [--shards N] [--replicas R]}: prepares a SolrCloud collection. */
@Command(
    name = "solr",
    mixinStandardHelpOptions = true,
    description = "Prepare SolrCloud for the patient index (a network's shared, replicated index).",
    subcommands = {SolrCommand.Init.class})
final class SolrCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return Main.EXIT_USAGE;
  }

  @Command(
      name = "init",
      mixinStandardHelpOptions = true,
      description = "Upload the patient configset (schema and solrconfig shipped in ss-mix2) to ZooKeeper and create "
          + "the collection, or upload it again and reload an existing one. Then index with "
          + "'ssmix2 index --solr ZK --collection NAME ROOT...'.",
      footer = {"", "Exit status: 0 created or reloaded, 2 bad options or SolrCloud cannot be used."})
  static final class Init implements Callable<Integer> {
    @Option(names = "--zk", required = true, paramLabel = "ZK",
        description = "the ZooKeeper ensemble of the SolrCloud, HOST:PORT[,HOST:PORT...][/chroot]")
    String zkHost;

    @Option(names = "--collection", required = true, paramLabel = "NAME", description = "collection to create")
    String collection;

    @Option(names = "--shards", paramLabel = "N", defaultValue = "1",
        description = "shards (parts of the index on different nodes; default ${DEFAULT-VALUE})")
    int shards;

    @Option(names = "--replicas", paramLabel = "R", defaultValue = "2",
        description = "copies of each shard, on different nodes, so that a node can fail (default ${DEFAULT-VALUE})")
    int replicas;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      if (shards < 1 || replicas < 1) {
        err.println("ssmix2 solr init: --shards and --replicas must be at least 1, got " + shards + " and " + replicas);
        err.flush();
        return Main.EXIT_USAGE;
      }
      try {
        boolean created = SolrStores.createCollection(zkHost, collection, shards, replicas);
        out.println(created
            ? "created collection " + collection + " (" + shards + " shards × " + replicas + " replicas) on " + zkHost
            : "collection " + collection + " exists: configset uploaded again and collection reloaded");
        out.println("index it with: ssmix2 index --solr " + zkHost + " --collection " + collection + " ROOT...");
        out.flush();
        return 0;
      } catch (SsMix2Exception | IllegalArgumentException e) {
        return Main.fail(err, "solr init", e);
      }
    }
  }
}
