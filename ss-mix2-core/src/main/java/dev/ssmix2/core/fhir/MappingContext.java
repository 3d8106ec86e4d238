package dev.ssmix2.core.fhir;

import dev.ssmix2.core.storage.FileName;
import dev.ssmix2.core.storage.StorageFile;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/** What every mapping of one file needs: the patient reference, the file, and where to put resources. */
final class MappingContext {
  final Reference patient;
  final StorageFile file;
  final List<Resource> out = new ArrayList<>();

  MappingContext(Reference patient, StorageFile file) {
    this.patient = patient;
    this.file = file;
  }

  FileName name() {
    return file.name();
  }

  /** Gives {@code r} its logical ID (JAMI form with {@code serial}) and JP Core profile, and adds it. */
  <R extends Resource> R add(R r, String serial, String profile) {
    r.setId(LogicalIds.id(LogicalIds.jamiForm(file.name(), serial)));
    r.getMeta().addProfile(profile);
    out.add(r);
    return r;
  }

  /** A reference to a resource already added. */
  static Reference ref(Resource r) {
    return new Reference(r.fhirType() + "/" + r.getIdElement().getIdPart());
  }
}
