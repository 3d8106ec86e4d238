package dev.ssmix2.core.hl7;

import java.util.Arrays;

/**
 * The bytes of a file without MLLP framing (0x0B, 0x1C anywhere) and without a leading UTF-8 BOM, remembering where
 * each remaining byte was so that decoding problems can be reported at their offset in the file.
 */
final class Framing {
  private static final byte START_BLOCK = 0x0B;
  private static final byte END_BLOCK = 0x1C;

  private final byte[] payload;
  private final int[] originalOffsets; // null when nothing was removed
  private final boolean hadMllpFraming;

  private Framing(byte[] payload, int[] originalOffsets, boolean hadMllpFraming) {
    this.payload = payload;
    this.originalOffsets = originalOffsets;
    this.hadMllpFraming = hadMllpFraming;
  }

  static Framing strip(byte[] bytes) {
    byte[] kept = new byte[bytes.length];
    int[] offsets = new int[bytes.length];
    int n = 0;
    boolean mllp = false;
    boolean bomPossible = true;
    for (int i = 0; i < bytes.length; i++) {
      byte b = bytes[i];
      if (b == START_BLOCK || b == END_BLOCK) {
        mllp = true;
        continue;
      }
      if (bomPossible && n == 0 && isBomAt(bytes, i)) {
        i += 2;
        bomPossible = false;
        continue;
      }
      bomPossible = false;
      kept[n] = b;
      offsets[n] = i;
      n++;
    }
    if (n == bytes.length) {
      return new Framing(bytes.clone(), null, false);
    }
    return new Framing(Arrays.copyOf(kept, n), Arrays.copyOf(offsets, n), mllp);
  }

  private static boolean isBomAt(byte[] bytes, int i) {
    return i + 2 < bytes.length
        && bytes[i] == (byte) 0xEF
        && bytes[i + 1] == (byte) 0xBB
        && bytes[i + 2] == (byte) 0xBF;
  }

  byte[] payload() {
    return payload;
  }

  boolean hadMllpFraming() {
    return hadMllpFraming;
  }

  int originalOffset(int payloadOffset) {
    if (originalOffsets == null || payloadOffset >= originalOffsets.length) {
      return payloadOffset;
    }
    return originalOffsets[payloadOffset];
  }
}
