package dev.ssmix2.core.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmix2.core.hl7.MessageType;
import dev.ssmix2.core.record.AllergyRecord;
import dev.ssmix2.core.record.AmbiguousValue;
import dev.ssmix2.core.record.Coded;
import dev.ssmix2.core.record.Hl7Timestamp;
import dev.ssmix2.core.record.LabRecord;
import dev.ssmix2.core.record.ProblemListRecord;
import dev.ssmix2.core.record.RecordSource;
import dev.ssmix2.core.record.VitalSignsRecord;
import dev.ssmix2.core.storage.FileName;
import dev.ssmix2.core.storage.StorageFile;
import dev.ssmix2.core.storage.StorageRoot;
import dev.ssmix2.core.version.VersionStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/** The mapping rules that carry a judgement (ambiguous numbers, withdrawn allergies, deleted problems, IDs). */
class MappingRulesTest {

  private static StorageFile file(String name) {
    FileName n = FileName.parse(name);
    return new StorageFile(new StorageRoot(Path.of("/nonexistent")), "x/" + name, n, false);
  }

  private static RecordSource source(String name) {
    return new RecordSource(file(name), VersionStatus.CURRENT, new MessageType("X", "Y", ""), false);
  }

  private static LabRecord.Test test(String type, String value) {
    return new LabRecord.Test(Coded.of("023", "血清", "JC10"), Coded.of("E001", "生化学", "99O03"),
        Coded.of("3B035000002327201", "AST", "JC10"), type, value, Coded.of("U/L", "", ""), "10-40", "H",
        Hl7Timestamp.parse("20240401"), "F");
  }

  private static MappingContext ctx(String name) {
    return new MappingContext(new Reference("Patient/1.ADT-00"), file(name));
  }

  @Test
  void plainNumberIsAQuantityAnythingElseStaysTextWithANote() {
    String name = "0000000001_20240401_OML-11_000000000000001_20240401101010123_01_1";
    MappingContext ctx = ctx(name);
    LabMapping.map(new LabRecord(source(name), true, List.of(test("NM", "12.5"), test("NM", "<5"),
        test("NM", "1,000"), test("NM", "１２"), test("ST", "陰性"))), ctx);
    List<Observation> obs = ctx.out.stream().filter(Observation.class::isInstance).map(Observation.class::cast)
        .toList();
    assertThat(obs).hasSize(5);
    assertThat(obs.get(0).getValueQuantity().getValue()).isEqualByComparingTo("12.5");
    assertThat(obs.get(0).getNote()).isEmpty();
    for (Observation o : obs.subList(1, 4)) {
      assertThat(o.hasValueQuantity()).isFalse();
      assertThat(o.getNote()).extracting(n -> n.getText()).containsExactly(LabMapping.NOT_A_NUMBER_NOTE);
    }
    assertThat(obs.get(1).getValueStringType().getValue()).isEqualTo("<5");
    assertThat(obs.get(4).getValueStringType().getValue()).isEqualTo("陰性");
    assertThat(obs.get(4).getNote()).isEmpty();
    assertThat(obs.get(0).getReferenceRangeFirstRep().getLow().getValue()).isEqualByComparingTo("10");
    assertThat(obs.get(0).getInterpretationFirstRep().getCodingFirstRep().getCode()).isEqualTo("H");
  }

  @Test
  void vitalSignsAreVitalSignObservationsWithUcumQuantitiesAndAnAmbiguousValueStaysRaw() {
    String name = "0000000001_20240401_L-OBSERVATIONS^OBSERVATIONS^99ZL01_000000020240401_20240401101010123_1";
    MappingContext ctx = ctx(name);
    Optional<Hl7Timestamp> at = Hl7Timestamp.parse("202404011010");
    VitalMapping.map(new VitalSignsRecord(source(name), List.of(
        new VitalSignsRecord.Measurement(Coded.of("8310-5", "体温", "LN"), "NM", "36.8",
            Coded.of("Cel", "Cel", "UCUM"), at, Optional.empty()),
        new VitalSignsRecord.Measurement(Coded.of("8480-6", "血圧", "LN"), "NM", "120^80",
            Coded.of("mm[Hg]", "mm[Hg]", "UCUM"), at,
            Optional.of(new AmbiguousValue("120^80", "a numeric value with a component separator"))),
        new VitalSignsRecord.Measurement(Coded.of("8867-4", "脈拍数", "LN"), "NM", "約80",
            Coded.of("/min", "/min", "UCUM"), Optional.empty(), Optional.empty())), List.of()), ctx);
    List<Observation> obs = ctx.out.stream().map(Observation.class::cast).toList();
    assertThat(obs).hasSize(3).allSatisfy(o -> {
      assertThat(o.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("vital-signs");
      assertThat(o.getMeta().getProfile().get(0).getValue()).endsWith("JP_Observation_VitalSigns");
    });
    Observation temp = obs.get(0);
    assertThat(temp.getCode().getCodingFirstRep().getSystem()).isEqualTo("http://loinc.org");
    assertThat(temp.getValueQuantity().getValue()).isEqualByComparingTo("36.8");
    assertThat(temp.getValueQuantity().getSystem()).isEqualTo("http://unitsofmeasure.org");
    assertThat(temp.getValueQuantity().getCode()).isEqualTo("Cel");
    assertThat(temp.hasEffectiveDateTimeType()).isTrue();
    assertThat(obs.get(1).getValueStringType().getValue()).isEqualTo("120^80");
    assertThat(obs.get(1).getNote()).extracting(n -> n.getText()).containsExactly(VitalMapping.AMBIGUOUS_NOTE);
    assertThat(obs.get(2).getValueStringType().getValue()).isEqualTo("約80");
    assertThat(obs.get(2).getNote()).extracting(n -> n.getText()).containsExactly(LabMapping.NOT_A_NUMBER_NOTE);
    assertThat(obs.get(2).hasEffective()).isFalse();
    assertThat(obs).extracting(o -> o.getIdElement().getIdPart()).doesNotHaveDuplicates();
  }

  @Test
  void withdrawnAllergyIsEnteredInErrorWithoutClinicalStatus() {
    String name = "0000000001_-_ADT-61_999999999999999_20240401101010123_-_1";
    MappingContext ctx = ctx(name);
    AllergyMapping.map(new AllergyRecord(source(name), List.of(
        new AllergyRecord.Allergy(Coded.of("DA", "薬剤", "HL70127"), Coded.of("1", "ペニシリン", ""),
            Coded.of("SV", "重度", "HL70128"), "", Coded.of("D", "削除", "HL70323"), Optional.empty()),
        new AllergyRecord.Allergy(Coded.of("MA", "その他", "HL70127"), Coded.of("2", "ゴム", ""),
            Coded.EMPTY, "発疹", Coded.of("A", "追加", "HL70323"), Optional.empty()))), ctx);
    AllergyIntolerance withdrawn = (AllergyIntolerance) ctx.out.get(0);
    assertThat(withdrawn.hasClinicalStatus()).isFalse();
    assertThat(withdrawn.getVerificationStatus().getCodingFirstRep().getCode()).isEqualTo("entered-in-error");
    assertThat(withdrawn.getCategory()).extracting(c -> c.getValue())
        .containsExactly(AllergyIntolerance.AllergyIntoleranceCategory.MEDICATION);
    assertThat(withdrawn.getReactionFirstRep().getManifestationFirstRep().getText())
        .isEqualTo(AllergyMapping.NO_REACTION_TEXT);
    AllergyIntolerance other = (AllergyIntolerance) ctx.out.get(1);
    assertThat(other.getClinicalStatus().getCodingFirstRep().getCode()).isEqualTo("active");
    assertThat(other.getCategory()).isEmpty(); // MA has no FHIR category
    assertThat(other.getReactionFirstRep().getDescription()).isEqualTo("発疹");
  }

  @Test
  void deletedProblemIsEnteredInErrorAndSuspectedIsProvisional() {
    String name = "0000000001_-_PPR-01_999999999999999_20240401101010123_01_1";
    MappingContext ctx = ctx(name);
    ConditionMapping.map(new ProblemListRecord(source(name), List.of(
        new ProblemListRecord.Problem("DE", Coded.of("20054174", "胃炎", "MDCDX2"), "胃炎", Optional.of("K297"),
            Optional.empty(), Coded.of("N", "", "HL70241"), false),
        new ProblemListRecord.Problem("AD", Coded.of("20054174", "胃炎", "MDCDX2"), "胃炎の疑い", Optional.empty(),
            Hl7Timestamp.parse("201104"), Coded.of("F", "", "HL70241"), true))), ctx);
    Condition deleted = (Condition) ctx.out.get(0);
    assertThat(deleted.getVerificationStatus().getCodingFirstRep().getCode()).isEqualTo("entered-in-error");
    assertThat(deleted.hasClinicalStatus()).isFalse();
    assertThat(deleted.getCode().getCoding()).extracting(c -> c.getSystem())
        .containsExactly(JpCore.MEDIS_DISEASE, JpCore.ICD10);
    Condition suspected = (Condition) ctx.out.get(1);
    assertThat(suspected.getVerificationStatus().getCodingFirstRep().getCode()).isEqualTo("provisional");
    assertThat(suspected.getClinicalStatus().getCodingFirstRep().getCode()).isEqualTo("resolved");
    assertThat(suspected.getOnsetDateTimeType().getValueAsString()).isEqualTo("2011-04");
  }

  @Test
  void logicalIdsFollowTheJamiFormAndFitFhir() {
    FileName n = FileName.parse("0001014360_20210501_OMP-01_000000002988314_20210501040510231_01_1");
    String form = LogicalIds.jamiForm(n, "1");
    assertThat(form).isEqualTo("0001014360.20210501.OMP-01.000000002988314.210501040510231.1");
    assertThat(LogicalIds.id(form)).isEqualTo(form);
    FileName undated = FileName.parse("9999013_-_ADT-61_999999999999999_20111014232213_-_1");
    assertThat(LogicalIds.jamiForm(undated, "IAM1")).isEqualTo("9999013.-.ADT-61.999999999999999.111014232213000.IAM1");
    FileName longer = FileName.parse("123456789012345_20210501_OMP-01_000000002988314_20210501040510231_01_1");
    String tooLong = LogicalIds.jamiForm(longer, "OBX12");
    assertThat(tooLong.length()).isGreaterThan(64);
    String hashed = LogicalIds.id(tooLong);
    assertThat(hashed).matches(LogicalIds.VALID).startsWith("h.").isEqualTo(LogicalIds.id(tooLong));
    assertThat(LogicalIds.id(LogicalIds.jamiForm(longer, "OBX13"))).isNotEqualTo(hashed);
  }
}
