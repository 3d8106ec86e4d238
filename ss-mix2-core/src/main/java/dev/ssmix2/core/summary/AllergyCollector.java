package dev.ssmix2.core.summary;

import dev.ssmix2.core.hl7.Hl7Message;
import dev.ssmix2.core.hl7.Segment;
import dev.ssmix2.core.record.AllergyRecord;
import dev.ssmix2.core.record.Coded;
import dev.ssmix2.core.record.Hl7Timestamp;
import dev.ssmix2.core.storage.StorageFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Gathers allergies from ADT-61 (IAM) and ADT-00 (AL1) and decides the three-way state. A record only states "no
 * allergies" when it positively says so: an ADT-61 without any IAM, an explicit "none" entry (NKA), or every stated
 * allergy withdrawn. An ADT-00 without AL1 says nothing about allergies.
 */
final class AllergyCollector {
  /** Allergen codes and texts that state "no known allergy" rather than name an allergen. */
  private static final Set<String> NONE_CODES = Set.of("NKA", "NKDA", "NA");
  private static final Set<String> NONE_TEXTS = Set.of("なし", "無し", "特になし", "特記なし", "アレルギーなし",
      "該当なし", "NKA", "NKDA");

  private final List<AllergyEntry> allergies = new ArrayList<>();
  private final List<AllergyEntry> contraindications = new ArrayList<>();
  private final List<SummaryFinding> findings;
  private boolean statedNone;
  private int withdrawn;

  AllergyCollector(List<SummaryFinding> findings) {
    this.findings = findings;
  }

  void addIam(AllergyRecord record) {
    int listed = 0;
    for (AllergyRecord.Allergy a : record.allergies()) {
      if (a.action().code().strip().equalsIgnoreCase("D")) {
        withdrawn++; // IAM-6 D^削除: withdrawn, not shown
        continue;
      }
      listed++;
      add(new AllergyEntry(a.type(), a.allergen(), a.severity(), a.reaction(), a.identified(), record.file()));
    }
    if (listed == 0) {
      statedNone = true; // no IAM at all, or every one withdrawn
    }
  }

  void addAl1(Hl7Message adt00, StorageFile file) {
    for (Segment al1 : adt00.segments("AL1")) {
      add(new AllergyEntry(Coded.of(al1.field(2)), Coded.of(al1.field(3)), Coded.of(al1.field(4)),
          al1.value(5).strip(), Hl7Timestamp.parse(al1.value(6)), file));
    }
  }

  private void add(AllergyEntry e) {
    if (e.allergen().isEmpty()) {
      findings.add(new SummaryFinding(SummaryFinding.Code.ALLERGEN_MISSING, e.file().relativePath(),
          "an allergy segment names no allergen (type '" + e.type().display() + "')"));
      return;
    }
    if (isNone(e.allergen())) {
      statedNone = true;
      return;
    }
    List<AllergyEntry> list = e.isContraindication() ? contraindications : allergies;
    // The same allergen is often sent both in ADT-00 (AL1) and ADT-61 (IAM): list it once.
    if (list.stream().noneMatch(x -> sameAllergen(x.allergen(), e.allergen()))) {
      list.add(e);
    }
  }

  private static boolean sameAllergen(Coded a, Coded b) {
    if (!a.code().isBlank() && a.code().equals(b.code()) && a.system().equalsIgnoreCase(b.system())) {
      return true;
    }
    return a.display().strip().equals(b.display().strip());
  }

  private static boolean isNone(Coded allergen) {
    return NONE_CODES.contains(allergen.code().strip().toUpperCase(Locale.ROOT))
        || NONE_TEXTS.contains(allergen.display().strip().toUpperCase(Locale.ROOT));
  }

  Allergies allergies() {
    if (!allergies.isEmpty()) {
      List<AllergyEntry> sorted = new ArrayList<>(allergies);
      sorted.sort(Comparator.comparing(a -> !a.isDrugAllergy())); // stable: drug allergies first, else as sent
      return new Allergies(Allergies.State.RECORDED, sorted, withdrawn);
    }
    return new Allergies(statedNone ? Allergies.State.NONE_KNOWN : Allergies.State.NOT_RECORDED, List.of(),
        withdrawn);
  }

  List<AllergyEntry> contraindications() {
    return List.copyOf(contraindications);
  }
}
