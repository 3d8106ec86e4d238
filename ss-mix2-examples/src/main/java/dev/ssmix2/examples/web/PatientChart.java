package dev.ssmix2.examples.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a clinician must see at once about one patient during an outage: demographics (ADT-00 / PID) and the chart
 * sections of the patient's {@link dev.ssmix2.core.summary.ClinicalSummary}.
 *
 * <p>An empty {@code allergies} list means two different things, told apart by {@code allergyState} (and the older
 * {@code allergiesRecorded}): a record stating no allergies ({@code none}) or no allergy information stored at all
 * ({@code not-recorded}, the UI warns that allergies are unknown).
 *
 * @param patientId 患者ID
 * @param name 漢字氏名
 * @param kana カナ氏名
 * @param romaji ローマ字氏名, empty when not stored
 * @param birthDate 生年月日, empty when unknown (JSON {@code null})
 * @param age age in full years today, empty when unknown (JSON {@code null})
 * @param sex HL7 administrative sex (PID-8)
 * @param address 住所
 * @param phones 電話番号
 * @param allergiesRecorded whether any allergy record (ADT-61) is stored, even one saying "none"
 * @param allergies current allergies
 * @param prescriptions current prescriptions and injections, newest first
 * @param labs specimen lab results, any order (the UI builds the matrix)
 * @param problems 病名 list
 * @param encounters visits and ward events, newest first
 * @param vitals vital signs from the extended storage, newest first
 * @param notes data-quality warnings to show with the chart (e.g. "ADT-00 が 2 件あり、最新を表示")
 * @param allergyState {@value #ALLERGIES_RECORDED}, {@value #ALLERGIES_NONE} or {@value #ALLERGIES_NOT_RECORDED}
 * @param allergiesWithdrawn how many allergies were withdrawn (IAM-6 D) and are not listed
 * @param contraindications 禁忌 (allergy type MC)
 * @param activeMedications the prescriptions and injections running today, newest first
 * @param labTable the lab matrix of the newest columns; older ones come from the labs API
 * @param infections infection serology (HBs, HCV, syphilis …) with the values sent, newest first
 * @param dataAsOf how recent the data is
 * @param prescriptionsOlderBefore the 診療日 to page older prescriptions from
 *     ({@code /api/patients/{id}/medications?before=…}); empty when {@code prescriptions} holds them all
 * @param key what addresses the patient in {@code /api/patients/{key}} (see {@link SearchHit#key()})
 * @param facility the facility the patient belongs to, shown in the chart header
 */
public record PatientChart(
    String patientId,
    String name,
    String kana,
    String romaji,
    Optional<LocalDate> birthDate,
    OptionalInt age,
    String sex,
    String address,
    List<String> phones,
    boolean allergiesRecorded,
    List<Allergy> allergies,
    List<Prescription> prescriptions,
    List<LabResult> labs,
    List<Problem> problems,
    List<Encounter> encounters,
    List<VitalSign> vitals,
    List<String> notes,
    String allergyState,
    int allergiesWithdrawn,
    List<Allergy> contraindications,
    List<Prescription> activeMedications,
    LabTable labTable,
    List<LabTable.Row> infections,
    AsOf dataAsOf,
    String prescriptionsOlderBefore,
    String key,
    FacilityInfo facility) {

  public static final String ALLERGIES_RECORDED = "recorded";
  public static final String ALLERGIES_NONE = "none";
  public static final String ALLERGIES_NOT_RECORDED = "not-recorded";

  /**
   * How recent the data is.
   *
   * @param patient the newest message time of the patient ({@code yyyy-MM-dd HH:mm}), empty when unknown
   * @param storage the newest message time of the whole storage, empty when unknown
   */
  public record AsOf(String patient, String storage) {
    public AsOf {
      patient = Texts.orEmpty(patient);
      storage = Texts.orEmpty(storage);
    }
  }

  /** A chart with the sections of the first viewer only (allergies, prescriptions, labs, problems, encounters). */
  public PatientChart(String patientId, String name, String kana, String romaji, Optional<LocalDate> birthDate,
      OptionalInt age, String sex, String address, List<String> phones, boolean allergiesRecorded,
      List<Allergy> allergies, List<Prescription> prescriptions, List<LabResult> labs, List<Problem> problems,
      List<Encounter> encounters, List<String> notes) {
    this(patientId, name, kana, romaji, birthDate, age, sex, address, phones, allergiesRecorded, allergies,
        prescriptions, labs, problems, encounters, List.of(), notes, "", 0, List.of(), List.of(), null, List.of(), null,
        "", patientId, FacilityInfo.DEFAULT);
  }

  /** A chart of a patient of the default facility, addressed by its 患者ID. */
  public PatientChart(String patientId, String name, String kana, String romaji, Optional<LocalDate> birthDate,
      OptionalInt age, String sex, String address, List<String> phones, boolean allergiesRecorded,
      List<Allergy> allergies, List<Prescription> prescriptions, List<LabResult> labs, List<Problem> problems,
      List<Encounter> encounters, List<VitalSign> vitals, List<String> notes, String allergyState,
      int allergiesWithdrawn, List<Allergy> contraindications, List<Prescription> activeMedications,
      LabTable labTable, List<LabTable.Row> infections, AsOf dataAsOf, String prescriptionsOlderBefore) {
    this(patientId, name, kana, romaji, birthDate, age, sex, address, phones, allergiesRecorded, allergies,
        prescriptions, labs, problems, encounters, vitals, notes, allergyState, allergiesWithdrawn, contraindications,
        activeMedications, labTable, infections, dataAsOf, prescriptionsOlderBefore, patientId, FacilityInfo.DEFAULT);
  }

  public PatientChart {
    patientId = Texts.orEmpty(patientId);
    name = Texts.orEmpty(name);
    kana = Texts.orEmpty(kana);
    romaji = Texts.orEmpty(romaji);
    birthDate = birthDate == null ? Optional.empty() : birthDate;
    age = age == null ? OptionalInt.empty() : age;
    sex = Texts.orEmpty(sex);
    address = Texts.orEmpty(address);
    phones = Texts.copy(phones);
    allergies = Texts.copy(allergies);
    prescriptions = Texts.copy(prescriptions);
    labs = Texts.copy(labs);
    problems = Texts.copy(problems);
    encounters = Texts.copy(encounters);
    vitals = Texts.copy(vitals);
    notes = Texts.copy(notes);
    contraindications = Texts.copy(contraindications);
    activeMedications = Texts.copy(activeMedications);
    labTable = labTable == null ? new LabTable(List.of(), List.of(), "") : labTable;
    infections = Texts.copy(infections);
    dataAsOf = dataAsOf == null ? new AsOf("", "") : dataAsOf;
    prescriptionsOlderBefore = Texts.orEmpty(prescriptionsOlderBefore);
    key = key == null || key.isEmpty() ? patientId : key;
    facility = facility == null ? FacilityInfo.DEFAULT : facility;
    // A listed allergy is itself a record; never let the UI claim "unknown" next to one.
    allergiesRecorded = allergiesRecorded || !allergies.isEmpty();
    if (allergyState == null || allergyState.isEmpty()) {
      allergyState = !allergies.isEmpty() ? ALLERGIES_RECORDED
          : allergiesRecorded ? ALLERGIES_NONE : ALLERGIES_NOT_RECORDED;
    }
  }
}
