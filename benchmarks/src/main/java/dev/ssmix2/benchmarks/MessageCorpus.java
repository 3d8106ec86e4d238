package dev.ssmix2.benchmarks;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.GenericModelClassFactory;
import ca.uhn.hl7v2.parser.ModelClassFactory;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import com.google.common.collect.ImmutableList;
import dev.ssmix2.core.hl7.Hl7Decoder;
import dev.ssmix2.core.hl7.Hl7Message;
import dev.ssmix2.core.hl7.Segment;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.core.storage.StorageFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * The messages a read-path benchmark cycles through: each file's path, bytes, decoded text, and the same text with
 * {@code CR} segment separators as HAPI expects it. Only messages that both our tokenizer and HAPI accept are kept, so
 * neither side pays for the other's failures; the number left out is printed, never dropped silently.
 */
record MessageCorpus(String name, ImmutableList<Entry> entries, long totalBytes, int skipped) {

  record Entry(Path path, byte[] bytes, String text, String er7) {}

  double meanBytes() {
    return (double) totalBytes / entries.size();
  }

  Entry get(int i) {
    return entries.get(i % entries.size());
  }

  /** Every placed file of the given storage roots, in walk order, at most {@code limit} of them. */
  static MessageCorpus of(String name, Collection<Path> roots, int limit) {
    List<Path> files;
    try (Stream<StorageFile> s = Storage.open(roots).files()) {
      files = s.filter(f -> !f.isContentFolder()).limit(limit).map(StorageFile::path).toList();
    }
    return ofFiles(name, files);
  }

  static MessageCorpus ofFiles(String name, List<Path> files) {
    ImmutableList.Builder<Entry> kept = ImmutableList.builder();
    long total = 0;
    int skipped = 0;
    List<String> reasons = new ArrayList<>();
    for (Path file : files) {
      try {
        byte[] bytes = Files.readAllBytes(file);
        String text = Hl7Decoder.decode(bytes).text();
        Hl7Message message = Hl7Message.parse(text);
        String er7 = String.join("\r", message.segments().stream().map(Segment::raw).toList());
        Hapi.parse(er7);
        kept.add(new Entry(file, bytes, text, er7));
        total += bytes.length;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      } catch (RuntimeException e) {
        skipped++;
        if (reasons.size() < 5) {
          reasons.add(file.getFileName() + ": " + e.getMessage());
        }
      }
    }
    ImmutableList<Entry> entries = kept.build();
    if (entries.isEmpty()) {
      throw new BenchmarkSetupException("corpus " + name + " has no message both parsers accept; " + reasons, null);
    }
    if (skipped > 0) {
      System.err.printf("corpus %s: %d messages kept, %d left out (first reasons: %s)%n",
          name, entries.size(), skipped, reasons);
    }
    return new MessageCorpus(name, entries, total, skipped);
  }

  /**
   * HAPI configured as a careful integrator would: validation off, v2.5 structures; messages without a typed
   * structure (PPR^ZD1, OMI^Z23) parsed again as generic messages.
   */
  static final class Hapi {
    private static final PipeParser TYPED = parser(new CanonicalModelClassFactory("2.5"));
    private static final PipeParser GENERIC = parser(new GenericModelClassFactory());

    private Hapi() {}

    static Message parse(String er7) {
      try {
        return TYPED.parse(er7);
      } catch (HL7Exception | RuntimeException typed) {
        try {
          return GENERIC.parse(er7);
        } catch (HL7Exception generic) {
          throw new IllegalArgumentException("HAPI cannot parse the message: " + generic.getMessage(), generic);
        }
      }
    }

    private static PipeParser parser(ModelClassFactory factory) {
      HapiContext context = new DefaultHapiContext(factory);
      context.setValidationContext(ValidationContextFactory.noValidation());
      return context.getPipeParser();
    }
  }
}
