package dev.ssmix2.core.fhir;

import static com.google.common.base.Preconditions.checkArgument;

import dev.ssmix2.core.read.MessageRead;
import dev.ssmix2.core.read.PatientReader;
import dev.ssmix2.core.read.ReadProblem;
import dev.ssmix2.core.read.ReadResult;
import dev.ssmix2.core.read.RecordReader;
import dev.ssmix2.core.record.AllergyRecord;
import dev.ssmix2.core.record.ClinicalRecord;
import dev.ssmix2.core.record.DemographicsRecord;
import dev.ssmix2.core.record.EncounterRecord;
import dev.ssmix2.core.record.LabRecord;
import dev.ssmix2.core.record.MedicationOrderRecord;
import dev.ssmix2.core.record.ProblemListRecord;
import dev.ssmix2.core.record.VitalSignsRecord;
import dev.ssmix2.core.storage.PatientId;
import dev.ssmix2.core.storage.StandardDataType;
import dev.ssmix2.core.storage.StorageFile;
import dev.ssmix2.core.version.History;
import dev.ssmix2.core.version.Version;
import dev.ssmix2.core.version.VersionResolver;
import dev.ssmix2.core.version.VersionStatus;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Turns one patient's storage files into FHIR R4 resources on the JP Core profiles, following the JAMI SS-MIX2 →
 * FHIR mapping (details and every choice the mapping leaves open: docs/fhir-mapping.md).
 *
 * <p>Each file is read once; a file that cannot be read, or a data type without a FHIR mapping, becomes an
 * {@link ExportProblem} or an entry of {@link PatientResources#unmapped()}, and the rest of the patient is exported.
 * Only current versions (flag 1) become resources; with {@link FhirExportOptions#history()} the superseded and
 * deleted versions (flags 2 and 0) are mapped too and returned as deletions of the IDs they had produced. Thread-safe:
 * one exporter can serve several threads.
 */
public final class FhirExporter {

  private final FhirExportOptions options;

  private FhirExporter(FhirExportOptions options) {
    this.options = options;
  }

  public static FhirExporter create(FhirExportOptions options) {
    checkArgument(options != null, "options must not be null");
    return new FhirExporter(options);
  }

  public FhirExportOptions options() {
    return options;
  }

  /** The resources of one patient from all of the patient's files (any order, any roots). */
  public PatientResources export(PatientId patient, Collection<StorageFile> files) {
    checkArgument(patient != null && files != null, "patient and files must not be null");
    List<ExportProblem> problems = new ArrayList<>();
    TreeMap<String, Integer> unmapped = new TreeMap<>();
    if (files.isEmpty()) {
      problems.add(new ExportProblem(patient.value(), "no-files", "the patient folder holds no message files"));
      return new PatientResources(patient, List.of(), problems, unmapped, 0);
    }
    List<History> histories = VersionResolver.resolve(files);

    // The patient first: every other resource refers to it.
    Optional<MessageRead> adt00 = currentAdt00(histories, problems);
    Optional<dev.ssmix2.core.record.Patient> demographics = adt00
        .map(m -> ((DemographicsRecord) m.record()).patient())
        .or(() -> PatientReader.current(files));
    String patientLogicalId = demographics
        .filter(d -> !d.fromAdt00())
        .map(d -> LogicalIds.id(LogicalIds.jamiForm(d.source().name(), "PID")))
        .orElse(LogicalIds.id(LogicalIds.patientForm(patient.value())));
    if (demographics.isEmpty()) {
      problems.add(new ExportProblem(patient.value(), "no-demographics",
          "no readable file of the patient has a PID segment; the Patient resource has the ID only"));
    }
    Patient p = PatientMapping.map(patient, demographics, options.patientIdSystem(), patientLogicalId);
    Reference patientRef = MappingContext.ref(p);
    List<ExportedResource> current = new ArrayList<>();
    List<ExportedResource> deletions = new ArrayList<>();
    StorageFile patientSource = demographics.map(dev.ssmix2.core.record.Patient::source)
        .orElseGet(() -> files.iterator().next());
    current.add(new ExportedResource(p, false, patientSource));

    for (History h : histories) {
      for (Version v : h.versions()) {
        boolean isCurrent = v.status() == VersionStatus.CURRENT;
        if (!isCurrent && !options.history()) {
          continue;
        }
        StorageFile file = v.file();
        ReadResult read = adt00.isPresent() && adt00.get().file().equals(file)
            ? adt00.get() : RecordReader.read(file, v.status());
        if (read instanceof ReadProblem bad) {
          problems.add(new ExportProblem(file.relativePath(), "unreadable-file", bad.code().id() + ": " + bad.reason()));
          continue;
        }
        MessageRead m = (MessageRead) read;
        MappingContext ctx = new MappingContext(patientRef, file);
        if (!map(m, ctx)) {
          unmapped.merge(file.dataType().code(), 1, Integer::sum);
          continue;
        }
        for (Resource r : ctx.out) {
          (isCurrent ? current : deletions).add(new ExportedResource(r, !isCurrent, file));
        }
      }
    }
    List<ExportedResource> all = new ArrayList<>(current);
    Set<String> live = new HashSet<>();
    current.forEach(e -> live.add(e.resourceType() + "/" + e.id()));
    Set<String> deleted = new HashSet<>();
    for (ExportedResource d : deletions) {
      String key = d.resourceType() + "/" + d.id();
      if (!live.contains(key) && deleted.add(key)) {
        all.add(d);
      }
    }
    return new PatientResources(patient, all, problems, unmapped, files.size());
  }

  private static Optional<MessageRead> currentAdt00(List<History> histories, List<ExportProblem> problems) {
    for (History h : histories) {
      Optional<StorageFile> f = h.current().filter(x -> x.dataType() == StandardDataType.ADT_00);
      if (f.isEmpty()) {
        continue;
      }
      ReadResult r = RecordReader.read(f.get(), VersionStatus.CURRENT);
      if (r instanceof MessageRead m && m.record() instanceof DemographicsRecord) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /** Maps one message; false when its data type has no FHIR mapping. */
  private static boolean map(MessageRead m, MappingContext ctx) {
    ClinicalRecord record = m.record();
    if (record instanceof DemographicsRecord) {
      AllergyMapping.mapAl1(m.message().segments("AL1"), ctx);
      return true;
    }
    if (record instanceof AllergyRecord a) {
      AllergyMapping.map(a, ctx);
    } else if (record instanceof ProblemListRecord pl) {
      ConditionMapping.map(pl, ctx);
    } else if (record instanceof MedicationOrderRecord mo) {
      MedicationMapping.map(mo, ctx);
    } else if (record instanceof LabRecord lab && lab.isResult()) {
      LabMapping.map(lab, ctx);
    } else if (record instanceof EncounterRecord e) {
      EncounterMapping.map(e, ctx);
    } else if (record instanceof VitalSignsRecord v) {
      VitalMapping.map(v, ctx);
    } else {
      return false;
    }
    return true;
  }
}
