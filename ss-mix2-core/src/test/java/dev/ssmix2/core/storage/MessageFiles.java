package dev.ssmix2.core.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes hand-made message files into a temporary storage, in the folder and name the layout prescribes. */
public final class MessageFiles {
  private MessageFiles() {}

  /**
   * Writes {@code message} (segments separated by CR) as
   * {@code <root>/<id[0:3]>/<id[3:6]>/<id>/<date>/<type>/<id>_<date>_<type>_<orderNo>_<timestamp>_01_<flag>}.
   */
  public static StorageFile write(Path root, String patientId, String date, String type, String orderNo,
      String timestamp, int flag, String message, Charset charset) {
    String name = patientId + "_" + date + "_" + type + "_" + orderNo + "_" + timestamp + "_01_" + flag;
    String relative = patientId.substring(0, 3) + "/" + patientId.substring(3, 6) + "/" + patientId + "/" + date
        + "/" + type + "/" + name;
    Path path = root.resolve(relative);
    try {
      Files.createDirectories(path.getParent());
      Files.write(path, message.replace("\n", "\r").getBytes(charset));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new StorageFile(new StorageRoot(root), relative, FileName.parse(name), false);
  }

  /** {@link #write} in ISO-2022-JP with flag 1. */
  public static StorageFile write(Path root, String patientId, String date, String type, String orderNo,
      String message) {
    return write(root, patientId, date, type, orderNo, "20240301100000000", 1, message,
        Charset.forName("ISO-2022-JP"));
  }

}
