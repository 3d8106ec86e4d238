package dev.ssmix2.examples.cli;

import dev.ssmix2.core.storage.ReadLimits;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --max-file-size SIZE}: the largest storage file any reader opens; larger ones are reported, not read. */
final class MaxFileSizeOption {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = "--max-file-size", paramLabel = "SIZE",
      description = "largest storage file read, e.g. 64M (default), 512K, 1G; a larger file is reported, not read")
  void maxFileSize(String size) {
    long bytes;
    try {
      bytes = ReadLimits.parseSize(size);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--max-file-size: " + e.getMessage());
    }
    System.setProperty(ReadLimits.PROPERTY, String.valueOf(bytes));
  }
}
