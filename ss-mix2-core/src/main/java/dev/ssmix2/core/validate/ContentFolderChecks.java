package dev.ssmix2.core.validate;

import dev.ssmix2.core.storage.StorageFile;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Extended-storage layout: each item is a content folder (コンテンツフォルダ) named like a message file, holding its
 * payload files (an HL7 or CDA main document, images, PDF …).
 */
final class ContentFolderChecks {
  private ContentFolderChecks() {}

  /**
   * Checks one placed entry of an extended data-type folder; returns whether it has an HL7 message to read (a bare
   * file, or a content folder with an {@code .hl7} main document). A CDA-only folder is no message: not read.
   */
  static boolean check(StorageFile file, List<Finding> out) {
    if (file.dataType().isStandard()) {
      return true;
    }
    String path = file.relativePath();
    String name = path.substring(path.lastIndexOf('/') + 1);
    if (!file.isContentFolder()) {
      out.add(new Finding(FindingCode.CONTENT_FOLDER, path, "a file directly in the extended-storage data-type "
          + "folder " + file.dataType().code() + "; the extended storage keeps each item in a content folder of "
          + "this name holding its payload files (e.g. main_document.hl7)"));
      return true;
    }
    if (name.split("_", -1).length == 6) {
      out.add(new Finding(FindingCode.CONTENT_FOLDER, path, "the content folder name has 6 fields, without the "
          + "診療科コード; expected 患者ID_診療日_データ種別_特定キー_発生日時_診療科コード_コンディションフラグ"
          + " (read all the same)"));
    }
    List<String> files = new ArrayList<>();
    List<String> others = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(file.path())) {
      for (Path p : ds) {
        (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) ? files : others).add(p.getFileName().toString());
      }
    } catch (IOException e) {
      out.add(new Finding(FindingCode.UNREADABLE, path, "cannot list the content folder: " + e.getMessage()));
      return false;
    }
    if (files.isEmpty()) {
      out.add(new Finding(FindingCode.CONTENT_FOLDER, path, "the content folder holds no payload file"
          + (others.isEmpty() ? "" : " (only " + String.join(", ", others) + ")")));
      return false;
    }
    boolean mainDocument = files.stream().map(f -> f.toLowerCase(Locale.ROOT))
        .anyMatch(f -> f.endsWith(".hl7") || f.endsWith(".xml"));
    if (!mainDocument) {
      out.add(new Finding(FindingCode.CONTENT_FOLDER, path, "the content folder has no main document (an .hl7 "
          + "message or a CDA .xml), only " + String.join(", ", files)));
    }
    return files.stream().anyMatch(f -> f.toLowerCase(Locale.ROOT).endsWith(".hl7"));
  }
}
