package dev.ssmix2.index.store;

import dev.ssmix2.core.ProgressListener;

/**
 * How an update decides that a patient's folders are unchanged since the last commit, so that it neither walks them
 * nor touches the patient's documents. Either way every folder's modification time is checked: SS-MIX2 writers add a
 * new file for every new version and rename the old one (コンディションフラグ 1 → 2 or 0), and both change the time
 * of the data-type folder they happen in.
 *
 * <pre>{@code
 * index.update(storage, ChangeDetection.FOLDER_TIMES, ProgressListener.none());
 * }</pre>
 */
public enum ChangeDetection {
  /**
   * Also compare every file's size and modification time, so a file rewritten in place (which leaves its folder's
   * time alone) is read again. The safe default.
   */
  EVERY_FILE,
  /**
   * Trust folder times alone, as the SS-MIX2 update rules allow: about half the file-system calls of
   * {@link #EVERY_FILE}. A file rewritten in place, without a new name, is only noticed when something else in its
   * folder changes; 拡張ストレージ content folders are always checked, since their payload changes inside them.
   */
  FOLDER_TIMES
}
