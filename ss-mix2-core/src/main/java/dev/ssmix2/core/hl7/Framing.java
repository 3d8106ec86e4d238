package dev.ssmix2.core.hl7;

/**
 * The bytes of a file without MLLP framing (0x0B, 0x1C anywhere) and without a leading UTF-8 BOM, remembering where
 * each remaining byte was so that decoding problems can be reported at their offset in the file.
 */
final class Framing {
  private static final byte START_BLOCK = 0x0B;
  private static final byte END_BLOCK = 0x1C;

  private final byte[] payload;
  /** Original offsets of the removed bytes, ascending; empty when nothing was removed. */
  private final int[] removed;
  private final boolean hadMllpFraming;
  private final boolean hadByteOrderMark;

  private Framing(byte[] payload, int[] removed, boolean hadMllpFraming, boolean hadByteOrderMark) {
    this.payload = payload;
    this.removed = removed;
    this.hadMllpFraming = hadMllpFraming;
    this.hadByteOrderMark = hadByteOrderMark;
  }

  /**
   * Strips framing bytes and a leading BOM. Memory: the payload is the input array itself when nothing is removed,
   * else one copy; positions are kept only for the removed bytes (a garbage file has framing bytes at random, so a
   * per-byte offset table would cost four bytes per input byte).
   */
  static Framing strip(byte[] bytes) {
    int removedCount = 0;
    boolean bom = isBomAt(bytes, 0);
    for (int i = bom ? 3 : 0; i < bytes.length; i++) {
      if (bytes[i] == START_BLOCK || bytes[i] == END_BLOCK) {
        removedCount++;
      }
    }
    // a BOM counts as leading only after MLLP start bytes, as before: skip those first
    int firstKept = 0;
    while (firstKept < bytes.length && (bytes[firstKept] == START_BLOCK || bytes[firstKept] == END_BLOCK)) {
      firstKept++;
    }
    boolean bomAfterFraming = !bom && isBomAt(bytes, firstKept);
    if (removedCount == 0 && !bom && !bomAfterFraming) {
      return new Framing(bytes, new int[0], false, false);
    }
    int total = removedCount + (bom || bomAfterFraming ? 3 : 0);
    byte[] kept = new byte[bytes.length - total];
    int[] removed = new int[total];
    int n = 0;
    int r = 0;
    boolean mllp = false;
    int bomAt = bom ? 0 : bomAfterFraming ? firstKept : -1;
    for (int i = 0; i < bytes.length; i++) {
      if (i == bomAt) {
        removed[r++] = i;
        removed[r++] = i + 1;
        removed[r++] = i + 2;
        i += 2;
        continue;
      }
      byte b = bytes[i];
      if (b == START_BLOCK || b == END_BLOCK) {
        mllp = true;
        removed[r++] = i;
        continue;
      }
      kept[n++] = b;
    }
    return new Framing(kept, removed, mllp, bomAt >= 0);
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

  boolean hadByteOrderMark() {
    return hadByteOrderMark;
  }

  /** The offset in the file of the payload byte at {@code payloadOffset}. */
  int originalOffset(int payloadOffset) {
    // the payload byte p sits at p + k, k being the number of removed bytes before it: the smallest k with
    // removed[k] > p + k (removed is ascending and removed[i] - i never decreases)
    int lo = 0;
    int hi = removed.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (removed[mid] - mid <= payloadOffset) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return payloadOffset + lo;
  }
}
