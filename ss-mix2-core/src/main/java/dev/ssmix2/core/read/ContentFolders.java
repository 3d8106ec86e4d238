package dev.ssmix2.core.read;

import dev.ssmix2.core.record.Attachment;
import dev.ssmix2.core.storage.StorageFile;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The payload files of an extended-storage content folder, listed read-only (links are not followed). */
final class ContentFolders {
  private static final Map<String, String> MEDIA_TYPES = Map.ofEntries(
      Map.entry("hl7", "x-application/hl7-v2+er7"),
      Map.entry("xml", "application/xml"),
      Map.entry("pdf", "application/pdf"),
      Map.entry("jpg", "image/jpeg"),
      Map.entry("jpeg", "image/jpeg"),
      Map.entry("png", "image/png"),
      Map.entry("gif", "image/gif"),
      Map.entry("bmp", "image/bmp"),
      Map.entry("tif", "image/tiff"),
      Map.entry("tiff", "image/tiff"),
      Map.entry("dcm", "application/dicom"),
      Map.entry("css", "text/css"),
      Map.entry("xsl", "application/xslt+xml"),
      Map.entry("txt", "text/plain"),
      Map.entry("csv", "text/csv"));

  private ContentFolders() {}

  /** Every regular file of the content folder, sorted by name; empty for a message file. */
  static List<Attachment> attachments(StorageFile file) {
    if (!file.isContentFolder()) {
      return List.of();
    }
    List<Path> children = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(file.path())) {
      ds.forEach(children::add);
    } catch (IOException e) {
      return List.of();
    }
    children.sort(null);
    List<Attachment> out = new ArrayList<>();
    for (Path p : children) {
      if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      long size;
      try {
        size = Files.size(p);
      } catch (IOException e) {
        size = -1;
      }
      String name = p.getFileName().toString();
      out.add(new Attachment(name, mediaType(name), size));
    }
    return out;
  }

  static String mediaType(String name) {
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    return MEDIA_TYPES.getOrDefault(ext, "application/octet-stream");
  }
}
