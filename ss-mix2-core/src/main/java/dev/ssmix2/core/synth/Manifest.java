package dev.ssmix2.core.synth;

import dev.ssmix2.core.internal.Json;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@code manifest.jsonl} line: the ground truth about a patient that tests and benchmarks compare against instead
 * of re-parsing the storage.
 *
 * <pre>{@code
 * {"patientId":"0000100001","familyKanji":"佐藤","givenKanji":"花子","familyKana":"サトウ","givenKana":"ハナコ",
 *  "familyRomaji":null,"givenRomaji":null,"previousFamilyKanji":null,"previousFamilyKana":null,
 *  "birthDate":"1950-04-01","sex":"F","files":[{"root":"storage","path":"000/100/0000100001/-/ADT-00/…_1"}],
 *  "defects":[{"kind":"HALF_WIDTH_KANA","root":"storage","path":"…"}]}
 * }</pre>
 */
final class Manifest {
  static final String FILE_NAME = "manifest.jsonl";

  private Manifest() {}

  static String line(Person p, PatientWriter out) {
    StringBuilder sb = new StringBuilder(512);
    sb.append('{');
    field(sb, "patientId", p.id()).append(',');
    field(sb, "familyKanji", p.familyKanji().isEmpty() ? null : p.familyKanji()).append(',');
    field(sb, "givenKanji", p.givenKanji().isEmpty() ? null : p.givenKanji()).append(',');
    field(sb, "familyKana", p.familyKana()).append(',');
    field(sb, "givenKana", p.givenKana()).append(',');
    field(sb, "familyRomaji", p.familyRomaji().orElse(null)).append(',');
    field(sb, "givenRomaji", p.givenRomaji().orElse(null)).append(',');
    field(sb, "previousFamilyKanji", p.previousFamily().map(a -> a[0]).orElse(null)).append(',');
    field(sb, "previousFamilyKana", p.previousFamily().map(a -> a[1]).orElse(null)).append(',');
    field(sb, "birthDate", p.birthDate().toString()).append(',');
    field(sb, "sex", String.valueOf(p.sex())).append(',');
    sb.append("\"files\":[");
    List<PatientWriter.FileRef> files = new ArrayList<>(out.current().values());
    for (int i = 0; i < files.size(); i++) {
      PatientWriter.FileRef f = files.get(i);
      if (i > 0) {
        sb.append(',');
      }
      sb.append('{');
      field(sb, "root", f.root()).append(',');
      field(sb, "path", f.path()).append('}');
    }
    sb.append("],\"defects\":[");
    List<PatientWriter.Defect> defects = out.defects();
    for (int i = 0; i < defects.size(); i++) {
      PatientWriter.Defect d = defects.get(i);
      if (i > 0) {
        sb.append(',');
      }
      sb.append('{');
      field(sb, "kind", d.kind().name()).append(',');
      PatientWriter.FileRef ref = d.ref();
      field(sb, "root", ref.root()).append(',');
      field(sb, "path", ref.path()).append('}');
    }
    return sb.append("]}").toString();
  }

  private static StringBuilder field(StringBuilder sb, String name, String value) {
    sb.append('"').append(name).append("\":");
    return value == null ? sb.append("null") : Json.string(sb, value);
  }
}
