package dev.ssmix2.examples.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a clinician must see at once about one patient during an outage: demographics (ADT-00 / PID) and the chart
 * sections built from the latest valid versions of the records.
 *
 * <p>An empty {@code allergies} list means two different things, told apart by {@code allergiesRecorded}: an ADT-61
 * stating no allergies ({@code true}) or no allergy information stored at all ({@code false}, the UI warns that allergies
 * are unknown).
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
    List<String> notes) {

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
    // A listed allergy is itself a record; never let the UI claim "unknown" next to one.
    allergiesRecorded = allergiesRecorded || !allergies.isEmpty();
  }

  /** A chart without vital signs. */
  public PatientChart(String patientId, String name, String kana, String romaji, Optional<LocalDate> birthDate,
      OptionalInt age, String sex, String address, List<String> phones, boolean allergiesRecorded,
      List<Allergy> allergies, List<Prescription> prescriptions, List<LabResult> labs, List<Problem> problems,
      List<Encounter> encounters, List<String> notes) {
    this(patientId, name, kana, romaji, birthDate, age, sex, address, phones, allergiesRecorded, allergies,
        prescriptions, labs, problems, encounters, List.of(), notes);
  }
}
