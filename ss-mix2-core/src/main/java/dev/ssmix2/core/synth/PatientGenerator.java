package dev.ssmix2.core.synth;

import static dev.ssmix2.core.storage.StandardDataType.ADT_00;
import static dev.ssmix2.core.storage.StandardDataType.ADT_12;
import static dev.ssmix2.core.storage.StandardDataType.ADT_22;
import static dev.ssmix2.core.storage.StandardDataType.ADT_42;
import static dev.ssmix2.core.storage.StandardDataType.ADT_52;
import static dev.ssmix2.core.storage.StandardDataType.ADT_61;
import static dev.ssmix2.core.storage.StandardDataType.OMG_01;
import static dev.ssmix2.core.storage.StandardDataType.OMG_11;
import static dev.ssmix2.core.storage.StandardDataType.OML_01;
import static dev.ssmix2.core.storage.StandardDataType.OML_11;
import static dev.ssmix2.core.storage.StandardDataType.OMP_01;
import static dev.ssmix2.core.storage.StandardDataType.OMP_02;
import static dev.ssmix2.core.storage.StandardDataType.OMP_11;
import static dev.ssmix2.core.storage.StandardDataType.OMP_12;
import static dev.ssmix2.core.storage.StandardDataType.PPR_01;

import dev.ssmix2.core.storage.FileName;
import dev.ssmix2.core.storage.PatientId;
import dev.ssmix2.core.storage.StandardDataType;
import dev.ssmix2.core.synth.Messages.Dept;
import dev.ssmix2.core.synth.Messages.Doctor;
import dev.ssmix2.core.synth.Vocabulary.Diagnosis;
import dev.ssmix2.core.synth.Vocabulary.Drug;
import dev.ssmix2.core.synth.Vocabulary.LabTest;
import dev.ssmix2.core.write.LineEnding;
import dev.ssmix2.core.write.WriterOptions;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Generates one patient: identity, how their files are spelled and encoded, and a clinical history written in time
 * order. Everything is drawn from one {@link SplittableRandom} seeded by (run seed, patient index), so a patient's
 * files do not depend on which thread made them or on the other patients.
 */
final class PatientGenerator {
  static final Charset ISO_2022_JP = Charset.forName("ISO-2022-JP");
  static final Charset CP932 = Charset.forName("windows-31j");
  private static final String[][] VARIANTS = {{"高", "髙"}, {"崎", "﨑"}, {"浜", "濵"}, {"斎", "齋"}, {"斉", "齊"},
      {"辺", "邊"}, {"沢", "澤"}};
  private static final String[][] ADDRESSES = {
      {"422-8033", "静岡県静岡市駿河区登呂"}, {"980-0811", "宮城県仙台市青葉区一番町"}, {"105-0001", "東京都港区虎ノ門"},
      {"530-0001", "大阪府大阪市北区梅田"}, {"460-0008", "愛知県名古屋市中区栄"}, {"812-0011", "福岡県福岡市博多区博多駅前"},
      {"060-0001", "北海道札幌市中央区北一条西"}, {"730-0011", "広島県広島市中区基町"}, {"920-0962", "石川県金沢市広坂"},
      {"900-0015", "沖縄県那覇市久茂地"}, {"231-0023", "神奈川県横浜市中区山下町"}, {"330-0063", "埼玉県さいたま市浦和区高砂"}};
  private static final String DIGITS = "０１２３４５６７８９";

  private final Settings s;
  private final Roots roots;
  private final NameBank names = NameBank.get();
  private final Vocabulary vocab = Vocabulary.get();

  PatientGenerator(Settings settings, Roots roots) {
    this.s = settings;
    this.roots = roots;
  }

  static String patientId(int index) {
    return String.format("%010d", 100_001 + index);
  }

  static SplittableRandom random(long seed, int index) {
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index * 0xC2B2AE3D27D4EB4FL + 0x165667B19E3779F9L);
  }

  PatientResult generate(int index) {
    SplittableRandom rng = random(s.seed(), index);
    QuirkRates q = s.quirks();
    String id = patientId(index);
    char sex = rng.nextDouble() < 0.52 ? 'F' : 'M';
    LocalDate birth = s.isLongStay(index) ? LocalDate.of(1930, 1, 1).plusDays(rng.nextLong(365L * 40))
        : LocalDate.of(1925, 1, 1).plusDays(rng.nextLong(365L * 99));
    boolean foreign = rng.nextDouble() < 0.01;
    NameBank.Name fam = names.family.draw(rng);
    NameBank.Name given = names.given(sex, rng);
    String[] address = ADDRESSES[rng.nextInt(ADDRESSES.length)];
    String street = fullWidth(1 + rng.nextInt(9)) + "丁目" + fullWidth(1 + rng.nextInt(30)) + "番"
        + fullWidth(1 + rng.nextInt(20)) + "号";
    String phone = String.format("0%d-%03d-%04d", 3 + rng.nextInt(90), rng.nextInt(1000), rng.nextInt(10000));
    String familyKanji = fam.kanji();
    String familyKana = fam.kana();
    String givenKanji = given.kanji();
    String givenKana = given.kana();
    Optional<String> famRomaji = Optional.empty();
    Optional<String> givenRomaji = Optional.empty();
    boolean romajiOnly = false;
    if (foreign) {
      NameBank.ForeignName f = names.foreign(rng);
      familyKanji = "";
      givenKanji = "";
      familyKana = f.familyKana();
      givenKana = f.givenKana();
      famRomaji = Optional.of(f.familyRomaji());
      givenRomaji = Optional.of(f.givenRomaji());
      romajiOnly = rng.nextDouble() < 0.5;
    }
    boolean renamed = s.profile() != Profile.NAMES_ONLY && !foreign && sex == 'F'
        && birth.isBefore(LocalDate.of(2000, 1, 1)) && rng.nextDouble() < 0.03;
    Optional<String[]> previous = Optional.empty();
    if (renamed) {
      NameBank.Name old = names.family.draw(rng);
      if (!old.kanji().equals(familyKanji)) {
        previous = Optional.of(new String[] {old.kanji(), old.kana()});
      }
    }

    // How this patient's files spell the name and which encoding they use: the deliberate defects.
    List<DefectKind> fileDefects = new ArrayList<>();
    boolean utf8 = rng.nextDouble() < q.utf8();
    boolean cp932 = !utf8 && rng.nextDouble() < q.cp932();
    String writtenFamily = familyKanji;
    if (!foreign && rng.nextDouble() < q.variantKanji()) {
      String v = variant(familyKanji, utf8);
      if (!v.equals(familyKanji)) {
        familyKanji = v;
        writtenFamily = v;
        fileDefects.add(DefectKind.VARIANT_KANJI);
        if (!utf8 && !ISO_2022_JP.newEncoder().canEncode(v)) {
          cp932 = true;
        }
      }
    }
    if (!foreign && rng.nextDouble() < q.gaiji()) {
      String v = variant(familyKanji, false);
      int at = firstDifference(familyKanji, v);
      if (at >= 0) {
        familyKanji = v;
        writtenFamily = v.substring(0, at) + "■" + v.substring(at + Character.charCount(v.codePointAt(at)));
        fileDefects.remove(DefectKind.VARIANT_KANJI);
        fileDefects.add(DefectKind.GAIJI_PLACEHOLDER);
        cp932 = false;
      }
    }
    String writtenFamilyKana = familyKana;
    String writtenGivenKana = givenKana;
    boolean missingKana = !foreign && rng.nextDouble() < q.missingKana();
    if (missingKana) {
      fileDefects.add(DefectKind.MISSING_KANA);
    } else if (rng.nextDouble() < q.halfWidthKana()) {
      writtenFamilyKana = Kana.halfWidth(familyKana);
      writtenGivenKana = Kana.halfWidth(givenKana);
      fileDefects.add(DefectKind.HALF_WIDTH_KANA);
    } else if (rng.nextDouble() < q.splitDakuten() && Kana.hasVoicedSound(familyKana + givenKana)) {
      writtenFamilyKana = Kana.splitDakuten(familyKana);
      writtenGivenKana = Kana.splitDakuten(givenKana);
      fileDefects.add(DefectKind.SPLIT_DAKUTEN);
    }
    Charset charset = utf8 ? StandardCharsets.UTF_8 : cp932 ? CP932 : ISO_2022_JP;
    if (utf8) {
      fileDefects.add(DefectKind.UTF8_FILE);
    } else if (cp932) {
      fileDefects.add(DefectKind.CP932_FILE);
    }
    LineEnding ending = LineEnding.CR;
    double e = rng.nextDouble();
    if (e < q.crlf()) {
      ending = LineEnding.CRLF;
      fileDefects.add(DefectKind.CRLF_ENDINGS);
    } else if (e < q.crlf() + q.lf()) {
      ending = LineEnding.LF;
      fileDefects.add(DefectKind.LF_ENDINGS);
    }
    WriterOptions options = WriterOptions.defaults().withCharset(charset).withLineEnding(ending);

    Person person = new Person(id, familyKanji, givenKanji, familyKana, givenKana, famRomaji, givenRomaji, birth, sex,
        address[0], address[1] + street, phone, previous);
    String pid5 = foreign
        ? famRomaji.get() + "^" + givenRomaji.get() + "^^^^^L^A"
            + (romajiOnly ? "" : "~" + familyKana + "^" + givenKana + "^^^^^L^P")
        : writtenFamily + "^" + givenKanji + "^^^^^L^I"
            + (missingKana ? "" : "~" + writtenFamilyKana + "^" + writtenGivenKana + "^^^^^L^P");
    String oldPid5 = previous.map(p -> p[0] + "^" + person.givenKanji() + "^^^^^L^I~" + p[1] + "^"
        + person.givenKana() + "^^^^^L^P").orElse(pid5);

    PatientWriter out = new PatientWriter(roots, PatientId.of(id), options, fileDefects);
    if (s.isLongStay(index) && s.profile() != Profile.NAMES_ONLY) {
      new History(person, pid5, pid5, rng, out).writeLongStay();
    } else {
      new History(person, pid5, oldPid5, rng, out).write();
    }
    if (rng.nextDouble() < q.junk()) {
      junk(rng, out, person);
    }
    return new PatientResult(Manifest.line(person, out), out.files(), out.defects().size());
  }

  /**
   * One of the {@link TeachingPatients}: a fixed identity spelled as the lesson needs (UTF-8 for 𠮷, CP932 for 髙, no
   * kana for the guessed reading), with the clinical history drawn like anyone else's from its own random stream.
   */
  PatientResult teach(TeachingPatients.Teaching t, int ordinal) {
    SplittableRandom rng = random(s.seed() ^ 0x5EAC4E5L, -1 - ordinal);
    String[] address = ADDRESSES[ordinal % ADDRESSES.length];
    Person person = new Person(t.id(), t.familyKanji(), t.givenKanji(), t.familyKana(), t.givenKana(),
        Optional.empty(), Optional.empty(), t.birthDate(), t.sex(), address[0], address[1] + "一丁目" +
        fullWidth(1 + ordinal) + "番" + fullWidth(1 + ordinal) + "号", String.format("03-5555-%04d", 777 + ordinal),
        Optional.empty());
    String pid5 = t.writtenFamily() + "^" + t.givenKanji() + "^^^^^L^I"
        + (t.kana() ? "~" + t.familyKana() + "^" + t.givenKana() + "^^^^^L^P" : "");
    List<DefectKind> defects = new ArrayList<>();
    Charset charset = ISO_2022_JP;
    if (!ISO_2022_JP.newEncoder().canEncode(pid5)) {
      charset = CP932.newEncoder().canEncode(pid5) ? CP932 : StandardCharsets.UTF_8;
      defects.add(charset == CP932 ? DefectKind.CP932_FILE : DefectKind.UTF8_FILE);
    }
    if (!t.kana()) {
      defects.add(DefectKind.MISSING_KANA);
    }
    if (!t.writtenFamily().equals(t.familyKanji())) {
      defects.add(DefectKind.GAIJI_PLACEHOLDER);
    }
    PatientWriter out = new PatientWriter(roots, PatientId.of(t.id()), WriterOptions.defaults().withCharset(charset)
        .withLineEnding(LineEnding.CR), defects);
    History h = new History(person, pid5, pid5, rng, out);
    h.lesson = t.lesson();
    h.write();
    return new PatientResult(Manifest.line(person, out), out.files(), out.defects().size());
  }

  /** The history of one patient in time order; the name in PID changes at the rename, if any. */
  private final class History {
    private final Person p;
    private final String pid5;
    private final String oldPid5;
    private final SplittableRandom rng;
    private final PatientWriter out;
    private final PatientId pid;
    private final Dept dept;
    private final Doctor doctor;
    private int orderSeq;
    private int messageSeq;
    private LocalDateTime renameAt;
    private final List<Diagnosis> problems = new ArrayList<>();
    private final List<LocalDate> onsets = new ArrayList<>();
    /** A teaching patient's full chart: allergies, six recent visits with labs and prescriptions, a re-sent order. */
    private boolean lesson;
    private boolean resendNext;

    History(Person p, String pid5, String oldPid5, SplittableRandom rng, PatientWriter out) {
      this.p = p;
      this.pid5 = pid5;
      this.oldPid5 = oldPid5;
      this.rng = rng;
      this.out = out;
      this.pid = PatientId.of(p.id());
      this.dept = Messages.DEPTS.get(rng.nextInt(Messages.DEPTS.size()));
      this.doctor = Messages.DOCTORS.get(rng.nextInt(Messages.DOCTORS.size()));
      this.orderSeq = rng.nextInt(1_000_000);
    }

    void write() {
      LocalDate first = LocalDate.of(2012, 1, 1).plusDays(rng.nextLong(365L * 12 + 180));
      if (lesson) {
        first = Clock.END.minusDays(540);
        resendNext = true;
      }
      if (first.isBefore(p.birthDate())) {
        first = p.birthDate().plusDays(1 + rng.nextInt(30));
      }
      LocalDateTime t0 = at(first);
      if (p.previousFamily().isPresent()) {
        long span = java.time.temporal.ChronoUnit.DAYS.between(first, Clock.END);
        renameAt = at(first.plusDays(1 + rng.nextLong(Math.max(1, span - 1))));
      }
      demographics(t0, oldPid5);
      if (s.profile() == Profile.NAMES_ONLY) {
        return;
      }
      boolean realistic = s.profile() == Profile.REALISTIC;
      if (lesson || realistic && rng.nextDouble() < 0.15) {
        allergies(t0.plusMinutes(20));
      }
      int visits = lesson ? 6 : realistic ? 1 + geometric(0.4) : 1 + rng.nextInt(2);
      LocalDate day = first;
      boolean admitted = false;
      for (int v = 0; v < visits && !day.isAfter(Clock.END); v++) {
        LocalDateTime t = at(day);
        if (renameAt != null && t.isAfter(renameAt)) {
          demographics(renameAt, pid5);
          renameAt = null;
        }
        visit(t, realistic);
        if (realistic && !admitted && rng.nextDouble() < 0.08) {
          admitted = true;
          day = admission(t.plusDays(1 + rng.nextInt(14)));
        }
        day = day.plusDays(lesson ? 60 + rng.nextInt(30) : 7 + rng.nextInt(realistic ? 200 : 90));
      }
      if (renameAt != null) {
        demographics(renameAt, pid5);
      }
      if (realistic && rng.nextDouble() < 0.08) {
        demographics(at(day.isAfter(Clock.END) ? Clock.END : day), pid5);
      }
    }

    /**
     * Ten years in hospital up to the generator's end date: admitted once, labs on most days, a prescription every
     * week, an injection now and then, a ward transfer each year and a growing problem list. About 5,000 files.
     */
    void writeLongStay() {
      LocalDate first = Clock.END.minusYears(s.longStayYears());
      LocalDateTime t0 = at(first);
      demographics(t0, pid5);
      if (rng.nextDouble() < 0.5) {
        allergies(t0.plusMinutes(20));
      }
      String ward = (30 + rng.nextInt(20)) + "^" + (300 + rng.nextInt(40)) + "^" + (1 + rng.nextInt(4)) + "^^^N";
      LocalDateTime admit = t0.plusHours(1);
      StringBuilder sb = Messages.msh(admit, "ADT^A01^ADT_A01", control(admit));
      Messages.evn(sb, admit, null);
      Messages.pid(sb, p, pid5, admit);
      Messages.pv1Inpatient(sb, ward, null, dept, doctor, admit, null);
      out.insert(PatientWriter.name(pid, admit.toLocalDate(), ADT_22, FileName.NO_ORDER, admit, dept.code()), sb);
      String location = ward;
      int d = 0;
      for (LocalDate day = first.plusDays(1); !day.isAfter(Clock.END); day = day.plusDays(1), d++) {
        LocalDateTime t = at(day);
        if (problems.isEmpty() || rng.nextDouble() < 0.004) {
          Diagnosis diagnosis = Vocabulary.pick(vocab.diagnoses, rng);
          if (!problems.contains(diagnosis)) {
            problems.add(diagnosis);
            onsets.add(day);
            problemList(t.plusMinutes(5), pid5);
          }
        }
        if (rng.nextDouble() < 0.5) {
          lab(t.plusMinutes(10), pid5, true);
        }
        if (d % 7 == 0) {
          prescription(t.plusMinutes(60), pid5, true);
        }
        if (rng.nextDouble() < 0.02) {
          injection(t.plusMinutes(30), pid5);
        }
        if (d % 365 == 180) {
          String newWard = (30 + rng.nextInt(20)) + "^" + (300 + rng.nextInt(40)) + "^1^^^N";
          StringBuilder tr = Messages.msh(t, "ADT^A02^ADT_A02", control(t));
          Messages.evn(tr, t, t);
          Messages.pid(tr, p, pid5, t);
          Messages.pv1Inpatient(tr, newWard, location, dept, doctor, null, null);
          out.insert(PatientWriter.name(pid, t.toLocalDate(), ADT_42, FileName.NO_ORDER, t, dept.code()), tr);
          location = newWard;
        }
        if (s.vitals() && d % 7 == 3) {
          vitals(t.plusHours(5), pid5);
        }
      }
    }

    private void demographics(LocalDateTime t, String name) {
      StringBuilder sb = Messages.msh(t, "ADT^A08^ADT_A01", control(t));
      Messages.evn(sb, t, null);
      Messages.pid(sb, p, name, t);
      new Seg("PV1").set(1, "0001").set(2, "O").appendTo(sb);
      if (s.profile() == Profile.REALISTIC) {
        Messages.demographicsObservations(sb, p, rng);
      }
      out.insert(PatientWriter.name(pid, null, ADT_00, FileName.NO_ORDER, t, null), sb);
    }

    private void allergies(LocalDateTime t) {
      List<Vocabulary.Allergen> list = new ArrayList<>();
      int n = 1 + rng.nextInt(3);
      for (int i = 0; i < n; i++) {
        Vocabulary.Allergen a = Vocabulary.pick(vocab.allergens, rng);
        if (!list.contains(a)) {
          list.add(a);
        }
      }
      StringBuilder sb = Messages.msh(t, "ADT^A60^ADT_A60", control(t));
      Messages.evn(sb, t, null);
      Messages.pid(sb, p, currentName(t), t);
      Messages.allergies(sb, list, t.toLocalDate());
      out.insert(PatientWriter.name(pid, null, ADT_61, FileName.NO_ORDER, t, null), sb);
    }

    private void visit(LocalDateTime t, boolean realistic) {
      String name = currentName(t);
      StringBuilder sb = Messages.msh(t, "ADT^A04^ADT_A01", control(t));
      Messages.evn(sb, t, null);
      Messages.pid(sb, p, name, t);
      Messages.pv1Outpatient(sb, dept, doctor, t);
      out.insert(PatientWriter.name(pid, t.toLocalDate(), ADT_12, FileName.NO_ORDER, t, dept.code()), sb);

      if (rng.nextDouble() < (realistic ? 0.3 : 0.5) || problems.isEmpty()) {
        Diagnosis d = Vocabulary.pick(vocab.diagnoses, rng);
        if (!problems.contains(d)) {
          problems.add(d);
          onsets.add(t.toLocalDate());
          problemList(t.plusMinutes(5), name);
        }
      }
      if (lesson || rng.nextDouble() < (realistic ? 0.55 : 0.7)) {
        prescription(t.plusMinutes(10 + rng.nextInt(30)), name, false);
      }
      if (lesson || rng.nextDouble() < (realistic ? 0.35 : 0.5)) {
        lab(t.plusMinutes(5 + rng.nextInt(20)), name, false);
      }
      if (realistic && rng.nextDouble() < 0.07) {
        exam(t.plusMinutes(30 + rng.nextInt(60)), name, false);
      }
    }

    private LocalDate admission(LocalDateTime admit) {
      String name = currentName(admit);
      String ward = (30 + rng.nextInt(20)) + "^" + (300 + rng.nextInt(40)) + "^" + (1 + rng.nextInt(4)) + "^^^N";
      StringBuilder sb = Messages.msh(admit, "ADT^A01^ADT_A01", control(admit));
      Messages.evn(sb, admit, null);
      Messages.pid(sb, p, name, admit);
      Messages.pv1Inpatient(sb, ward, null, dept, doctor, admit, null);
      out.insert(PatientWriter.name(pid, admit.toLocalDate(), ADT_22, FileName.NO_ORDER, admit, dept.code()), sb);
      int days = 3 + geometric(0.15);
      LocalDateTime t = admit;
      String location = ward;
      for (int d = 0; d < days; d++) {
        t = at(admit.toLocalDate().plusDays(d));
        if (d == 0 || rng.nextDouble() < 0.3) {
          injection(t.plusMinutes(30), name);
        }
        if (d == days / 2 && rng.nextDouble() < 0.25) {
          String newWard = (30 + rng.nextInt(20)) + "^" + (300 + rng.nextInt(40)) + "^1^^^N";
          StringBuilder tr = Messages.msh(t, "ADT^A02^ADT_A02", control(t));
          Messages.evn(tr, t, t);
          Messages.pid(tr, p, name, t);
          Messages.pv1Inpatient(tr, newWard, location, dept, doctor, null, null);
          out.insert(PatientWriter.name(pid, t.toLocalDate(), ADT_42, FileName.NO_ORDER, t, dept.code()), tr);
          location = newWard;
        }
        if (d == 1) {
          prescription(t.plusMinutes(60), name, true);
          lab(t.plusMinutes(10), name, true);
        }
        if (s.vitals()) {
          vitals(t.plusHours(5), name);
        }
      }
      LocalDateTime discharge = at(admit.toLocalDate().plusDays(days));
      StringBuilder ds = Messages.msh(discharge, "ADT^A03^ADT_A03", control(discharge));
      Messages.evn(ds, discharge, discharge);
      Messages.pid(ds, p, name, discharge);
      Messages.pv1Inpatient(ds, location, null, dept, doctor, admit, discharge);
      out.insert(PatientWriter.name(pid, discharge.toLocalDate(), ADT_52, FileName.NO_ORDER, discharge,
          dept.code()), ds);
      return discharge.toLocalDate();
    }

    private void problemList(LocalDateTime t, String name) {
      StringBuilder sb = Messages.msh(t, "PPR^ZD1^PPR_ZD1", control(t));
      Messages.pid(sb, p, name, t);
      Messages.problems(sb, problems, onsets, doctor);
      // One PPR-01 key per patient: each new snapshot supersedes the last (docs/storage-rules.md, snapshots).
      out.insert(PatientWriter.name(pid, null, PPR_01, FileName.NO_ORDER, t, "01"), sb);
    }

    private void prescription(LocalDateTime t, String name, boolean inpatient) {
      List<Drug> drugs = new ArrayList<>();
      int n = 1 + geometric(0.5);
      for (int i = 0; i < n && i < 5; i++) {
        Drug d = Vocabulary.pick(vocab.drugs, rng);
        if (!drugs.contains(d)) {
          drugs.add(d);
        }
      }
      int days = new int[] {7, 14, 28, 30, 56, 90}[rng.nextInt(6)];
      String orderNo = orderNo(t);
      order(t, OMP_01, orderNo, control -> {
        StringBuilder sb = Messages.msh(t, "RDE^O11^RDE_O11", control(t));
        Messages.pid(sb, p, name, t);
        pv1(sb, inpatient, t);
        Messages.prescriptionGroups(sb, control, orderNo, t, dept, doctor, inpatient, drugs, days);
        return sb;
      });
      if (inpatient) {
        LocalDateTime given = t.plusHours(2);
        Drug d = drugs.get(0);
        StringBuilder sb = Messages.msh(given, "RAS^O17^RAS_O17", control(given));
        Messages.pid(sb, p, name, given);
        pv1(sb, true, given);
        Messages.administration(sb, orderNo, given, dept, doctor, d.code() + "^" + d.name() + "^HOT9", d.dose(),
            d.unitCode() + "^" + d.unitName() + "^MR9P", "PO^口^HL70162");
        out.insert(PatientWriter.name(pid, given.toLocalDate(), OMP_11, orderNo, given, dept.code()), sb);
      }
    }

    private void injection(LocalDateTime t, String name) {
      Vocabulary.Injection base;
      do {
        base = Vocabulary.pick(vocab.injections, rng);
      } while (!base.component().equals("B"));
      Vocabulary.Injection add;
      do {
        add = Vocabulary.pick(vocab.injections, rng);
      } while (!add.component().equals("A"));
      Vocabulary.Injection b = base;
      Vocabulary.Injection a = rng.nextDouble() < 0.7 ? add : null;
      String orderNo = orderNo(t);
      order(t, OMP_02, orderNo, control -> {
        StringBuilder sb = Messages.msh(t, "RDE^O11^RDE_O11", control(t));
        Messages.pid(sb, p, name, t);
        pv1(sb, true, t);
        Messages.injectionGroups(sb, control, orderNo, t, dept, doctor, b, a);
        return sb;
      });
      LocalDateTime given = t.plusHours(1);
      StringBuilder sb = Messages.msh(given, "RAS^O17^RAS_O17", control(given));
      Messages.pid(sb, p, name, given);
      pv1(sb, true, given);
      Messages.administration(sb, orderNo, given, dept, doctor, b.code() + "^" + b.name() + "^HOT9", b.amount(),
          b.unitCode() + "^" + b.unitName() + "^MR9P", "IV^静脈内^HL70162");
      out.insert(PatientWriter.name(pid, given.toLocalDate(), OMP_12, orderNo, given, dept.code()), sb);
    }

    private void lab(LocalDateTime t, String name, boolean inpatient) {
      List<List<LabTest>> groups = labGroups();
      String orderNo = orderNo(t);
      boolean cancelled = order(t, OML_01, orderNo, control -> {
        StringBuilder sb = Messages.msh(t, "OML^O33^OML_O33", control(t));
        Messages.pid(sb, p, name, t);
        pv1(sb, inpatient, t);
        Messages.labOrder(sb, control, orderNo, t, dept, doctor, inpatient, groups);
        return sb;
      });
      if (cancelled) {
        return;
      }
      LocalDateTime reported = t.plusMinutes(40 + rng.nextInt(180));
      StringBuilder sb = Messages.msh(reported, "OUL^R22^OUL_R22", control(reported));
      Messages.pid(sb, p, name, reported);
      pv1(sb, inpatient, reported);
      String filler = String.format("%015d", Math.abs(orderNo.hashCode()) % 1_000_000_000L);
      Messages.labResult(sb, orderNo, filler, t, reported, dept, doctor, inpatient, groups, rng);
      out.insert(PatientWriter.name(pid, t.toLocalDate(), OML_11, orderNo, reported, dept.code()), sb);
    }

    private List<List<LabTest>> labGroups() {
      List<LabTest> hem = new ArrayList<>();
      List<LabTest> chem = new ArrayList<>();
      int n = 4 + rng.nextInt(12);
      for (int i = 0; i < n; i++) {
        LabTest test = Vocabulary.pick(vocab.labs, rng);
        if (!test.appliesTo(p.sex())) {
          continue; // drawn all the same, so the rest of the patient's data stays as it was for a given seed
        }
        List<LabTest> g = test.group().equals("E001") ? hem : chem;
        if (!g.contains(test)) {
          g.add(test);
        }
      }
      if (hem.isEmpty() && chem.isEmpty()) {
        chem.add(vocab.labs.stream().filter(t -> t.appliesTo(p.sex())).findFirst().orElseThrow());
      }
      List<List<LabTest>> groups = new ArrayList<>();
      if (!chem.isEmpty()) {
        groups.add(chem);
      }
      if (!hem.isEmpty()) {
        groups.add(hem);
      }
      return groups;
    }

    private void exam(LocalDateTime t, String name, boolean inpatient) {
      Vocabulary.Exam exam = Vocabulary.pick(vocab.exams, rng);
      StandardDataType type = StandardDataType.ofCode(exam.dataType()).orElseThrow();
      String orderNo = orderNo(t);
      boolean cancelled = order(t, type, orderNo, control -> {
        StringBuilder sb = Messages.msh(t, "OMG^O19^OMG_O19", control(t));
        Messages.pid(sb, p, name, t);
        pv1(sb, inpatient, t);
        Messages.examOrder(sb, control, orderNo, t, dept, doctor, inpatient, exam);
        return sb;
      });
      if (cancelled || type != OMG_01) {
        return;
      }
      LocalDateTime done = t.plusMinutes(30 + rng.nextInt(120));
      StringBuilder sb = Messages.msh(done, "OMI^Z23^OMI_Z23", control(done));
      Messages.pid(sb, p, name, done);
      pv1(sb, inpatient, done);
      Messages.examPerformed(sb, orderNo, done, dept, doctor, inpatient, exam, "A" + orderNo.substring(1));
      out.insert(PatientWriter.name(pid, done.toLocalDate(), OMG_11, orderNo, done, dept.code()), sb);
    }

    private void vitals(LocalDateTime t, String name) {
      Path ext = roots.extended().orElseThrow();
      String date = Clock.date(t.toLocalDate());
      String type = "L-OBSERVATIONS^OBSERVATIONS^99ZL01";
      StringBuilder sb = Messages.msh(t, "ORU^R30^ORU_R30", control(t));
      Messages.pid(sb, p, name, t);
      Messages.pv1Inpatient(sb, "32^302^1^^^N", null, dept, doctor, null, null);
      new Seg("ORC").set(1, "NW").set(2, "0000000" + date).set(9, Clock.seconds(t)).appendTo(sb);
      new Seg("OBR").set(1, "1").set(4, "VITAL^バイタルサイン^99ZL01").set(7, Clock.seconds(t)).appendTo(sb);
      double temp = 36.0 + rng.nextDouble() * 1.8;
      int sys = 100 + rng.nextInt(60);
      int pulse = 55 + rng.nextInt(45);
      new Seg("OBX").set(1, "1").set(2, "NM").set(3, "8310-5^体温^LN").set(5, String.format(java.util.Locale.ROOT,
          "%.1f", temp)).set(6, "Cel^Cel^UCUM").set(11, "F").set(14, Clock.seconds(t)).appendTo(sb);
      new Seg("OBX").set(1, "2").set(2, "NM").set(3, "8480-6^収縮期血圧^LN").set(5, String.valueOf(sys))
          .set(6, "mm[Hg]^mm[Hg]^UCUM").set(11, "F").set(14, Clock.seconds(t)).appendTo(sb);
      new Seg("OBX").set(1, "3").set(2, "NM").set(3, "8867-4^脈拍数^LN").set(5, String.valueOf(pulse))
          .set(6, "/min^/min^UCUM").set(11, "F").set(14, Clock.seconds(t)).appendTo(sb);
      String content = p.id() + "_" + date + "_" + type + "_0000000" + date + "_" + Clock.fileTimestamp(t) + "_1";
      Charset cs = ISO_2022_JP.newEncoder().canEncode(sb) ? ISO_2022_JP : StandardCharsets.UTF_8;
      out.writeExtended(ext, date, type, content, sb.toString().getBytes(cs));
    }

    /**
     * Writes an order and, at the configured rates, a re-send (old version {@code _2}) or a cancel (all versions
     * {@code _0} plus the cancel message). Returns whether the order ended cancelled.
     */
    private boolean order(LocalDateTime t, StandardDataType type, String orderNo,
        java.util.function.Function<String, StringBuilder> message) {
      FileName name = PatientWriter.name(pid, t.toLocalDate(), type, orderNo, t, dept.code());
      out.insert(name, message.apply("NW"));
      double r = rng.nextDouble();
      if (resendNext) {
        resendNext = false;
        r = 0;
      }
      if (r < s.supersedeRate() || r == 0 && lesson) {
        LocalDateTime resend = t.plusMinutes(1 + rng.nextInt(30)).plusNanos(rng.nextInt(1000) * 1_000_000L);
        out.insert(PatientWriter.name(pid, t.toLocalDate(), type, orderNo, resend, dept.code()),
            message.apply("XO"));
        return false;
      }
      if (r < s.supersedeRate() + s.deleteRate()) {
        LocalDateTime cancel = t.plusMinutes(1 + rng.nextInt(60));
        out.delete(PatientWriter.name(pid, t.toLocalDate(), type, orderNo, cancel, dept.code()),
            message.apply("CA"));
        return true;
      }
      return false;
    }

    private void pv1(StringBuilder sb, boolean inpatient, LocalDateTime t) {
      if (inpatient) {
        Messages.pv1Inpatient(sb, "32^302^1^^^N", null, dept, doctor, null, null);
      } else {
        Messages.pv1Outpatient(sb, dept, doctor, null);
      }
    }

    private String currentName(LocalDateTime t) {
      return renameAt != null && !t.isAfter(renameAt) ? oldPid5 : pid5;
    }

    private String orderNo(LocalDateTime t) {
      orderSeq = (orderSeq + 1 + rng.nextInt(50)) % 10_000_000;
      return Clock.date(t.toLocalDate()) + String.format("%07d", orderSeq);
    }

    private String control(LocalDateTime t) {
      return Clock.seconds(t) + String.format("%04d", ++messageSeq % 10000);
    }

    private LocalDateTime at(LocalDate d) {
      return d.atTime(8 + rng.nextInt(9), rng.nextInt(60), rng.nextInt(60), rng.nextInt(1000) * 1_000_000);
    }

    private int geometric(double stop) {
      int n = 0;
      while (rng.nextDouble() > stop && n < 60) {
        n++;
      }
      return n;
    }
  }

  /** A junk, empty or truncated file among the patient's data, as real storages have. */
  private void junk(SplittableRandom rng, PatientWriter out, Person p) {
    Map<Path, PatientWriter.FileRef> current = out.current();
    List<Path> messages = current.keySet().stream()
        .filter(f -> !f.getFileName().toString().equals("main_document.hl7")).toList();
    // Empty and truncated copies get an order number of their own, so they must be order data: a second ADT-00
    // or PPR-01 file would be another version of the patient's one undated key, not a separate defect.
    List<Path> orders = messages.stream()
        .filter(f -> !FileName.parse(f.getFileName().toString()).date().isUndated()).toList();
    int kind = rng.nextInt(5);
    if (kind >= 3 && orders.isEmpty()) {
      kind = 0;
    }
    Path some = kind >= 3 ? orders.get(rng.nextInt(orders.size())) : messages.get(0);
    Path root = out.rootPathOf(some);
    Path typeFolder = some.getParent();
    Path patientFolder = typeFolder.getParent().getParent();
    switch (kind) {
      case 0 -> out.writeRaw(root, typeFolder.resolve("Thumbs.db"), new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11,
          (byte) 0xE0}, DefectKind.JUNK_FILE);
      case 1 -> out.writeRaw(root, patientFolder.resolve("notes.txt"),
          ("患者 " + p.id() + " の紙カルテは地下書庫").getBytes(CP932), DefectKind.JUNK_FILE);
      case 2 -> out.writeRaw(root, typeFolder.resolve("lock"), new byte[0], DefectKind.LOCK_FILE);
      case 3 -> out.writeRaw(root, typeFolder.resolve(bumped(some.getFileName().toString(), 1)), new byte[0],
          DefectKind.EMPTY_MESSAGE_FILE);
      default -> {
        try {
          byte[] whole = Files.readAllBytes(some);
          out.writeRaw(root, typeFolder.resolve(bumped(some.getFileName().toString(), 2)),
              Arrays.copyOf(whole, Math.max(1, whole.length / 3)), DefectKind.TRUNCATED_MESSAGE_FILE);
        } catch (java.io.IOException ex) {
          throw new java.io.UncheckedIOException(ex);
        }
      }
    }
  }

  /** Same name under another order number, so the junk file is a key of its own and touches no real version. */
  private static String bumped(String fileName, int n) {
    FileName f = FileName.parse(fileName);
    String order = f.orderNo();
    String other = "8" + order.substring(1, order.length() - 1) + n;
    return new FileName(f.patientId(), f.date(), f.dataType(), other, f.timestamp(), f.department(), f.flag())
        .format();
  }

  private static String variant(String kanji, boolean allowNonBmp) {
    String v = kanji;
    for (String[] pair : VARIANTS) {
      v = v.replace(pair[0], pair[1]);
    }
    if (allowNonBmp) {
      v = v.replace("吉", "𠮷");
    }
    return v;
  }

  private static int firstDifference(String a, String b) {
    for (int i = 0; i < Math.min(a.length(), b.length()); i++) {
      if (a.charAt(i) != b.charAt(i)) {
        return i;
      }
    }
    return -1;
  }

  private static String fullWidth(int n) {
    StringBuilder sb = new StringBuilder();
    for (char c : Integer.toString(n).toCharArray()) {
      sb.append(DIGITS.charAt(c - '0'));
    }
    return sb.toString();
  }
}
