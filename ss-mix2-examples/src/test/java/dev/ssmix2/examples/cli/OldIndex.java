package dev.ssmix2.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/** An index of the public search cases that says it was built by an older NameKeys table version. */
final class OldIndex {
  private OldIndex() {}

  static Path build(Path dir) throws IOException {
    Path cases = CliRun.fixtures().resolve("search-cases-public");
    CliRun run = CliRun.of(new IndexCommand(), "--index", dir.toString(),
        cases.resolve("root-dated").toString(), cases.resolve("root-undated").toString());
    assertThat(run.exit()).as(run.err()).isZero();
    try (Directory directory = FSDirectory.open(dir)) {
      Map<String, String> data = new HashMap<>(SegmentInfos.readLatestCommit(directory).getUserData());
      assertThat(data).containsKey("nameKeysTableVersion");
      data.put("nameKeysTableVersion", "keys-r0");
      IndexWriterConfig config = new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND);
      try (IndexWriter writer = new IndexWriter(directory, config)) {
        writer.setLiveCommitData(data.entrySet());
        writer.commit();
      }
    }
    return dir;
  }
}
