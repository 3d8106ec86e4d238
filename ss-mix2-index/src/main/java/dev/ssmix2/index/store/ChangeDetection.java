package dev.ssmix2.index.store;

/**
 * How an update decides that a patient's folders are unchanged since the last commit, so that it neither walks them
 * nor touches the patient's documents. With the first two, every folder's modification time is checked: SS-MIX2
 * writers add a new file for every new version and rename the old one (コンディションフラグ 1 → 2 or 0), and both
 * change the time of the data-type folder they happen in.
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
  FOLDER_TIMES,
  /**
   * Read the transaction storage (トランザクションストレージ, {@code <root>/<YYYY>/TR_…DAT} in one of the storage's
   * roots) from where the last update left it, and list only the data-type folders of the patients it names: no other
   * folder is listed or checked, so the cost follows the change. Trusts the writer's log: a change the writer did not
   * log (a file copied in by hand) is only found by an update with {@link #EVERY_FILE}. When the log cannot be followed
   * — the storage has none, the index has no position in it yet (it was built without this option), an entry cannot
   * be placed, or the log no longer reaches back to the position — the update checks folders as {@link #EVERY_FILE}
   * does and says why in {@link IndexReport#notes()}. Every run with this option records the log's position for the
   * next.
   */
  TRANSACTIONS
}
