package dev.ssmix2.core.fhir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Packs {@code src/test/resources/fhir-ig/package} into a FHIR package {@code .tgz} (see its README). */
public final class TestIgPackage {
  private TestIgPackage() {}

  public static Path write(Path tgz) throws IOException {
    Path source = Path.of(System.getProperty("ssmix2.fhir.ig", "src/test/resources/fhir-ig/package"));
    if (!Files.isDirectory(source)) {
      source = Path.of("../ss-mix2-core/src/test/resources/fhir-ig/package");
    }
    try (OutputStream out = Files.newOutputStream(tgz);
        GZIPOutputStream gz = new GZIPOutputStream(out);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gz);
        Stream<Path> files = Files.list(source)) {
      for (Path f : files.sorted().toList()) {
        TarArchiveEntry e = new TarArchiveEntry("package/" + f.getFileName());
        byte[] bytes = Files.readAllBytes(f);
        e.setSize(bytes.length);
        tar.putArchiveEntry(e);
        tar.write(bytes);
        tar.closeArchiveEntry();
      }
    }
    return tgz;
  }
}
