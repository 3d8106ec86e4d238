package dev.ssmix2.index.search;

import com.google.common.base.Preconditions;
import dev.ssmix2.index.name.NameKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a quirky two-root SS-MIX2 storage from {@code heldout-like/patients.tsv} plus many generated distractors, the
 * way the public search cases are laid out: {@code dated} root with OMP-01 prescriptions under a 診療日 folder,
 * {@code undated} root with ADT-00 files under "-". Files are written in the charset and line ending each row asks for.
 */
final class HeldOutLikeStorage {
  private static final String RESOURCES = "/heldout-like/";
  private static final Pattern CODE_POINT = Pattern.compile("\\{U\\+([0-9A-Fa-f]{4,6})}");

  /** One patient row: where and how its file is written, and what its PID segment says. */
  record Row(String id, String root, String charset, String eol, String pid5, String birth, String sex) {}

  private HeldOutLikeStorage() {}

  /** Writes every patient under {@code dated} and {@code undated} below {@code base}; returns both roots. */
  static List<Path> write(Path base, int distractors, long seed) {
    Path dated = base.resolve("root-dated");
    Path undated = base.resolve("root-undated");
    List<Row> rows = new ArrayList<>(listed());
    rows.addAll(generated(rows, distractors, seed));
    for (Row row : rows) {
      if (!row.root().equals("undated")) {
        writeDated(dated, row);
      }
      if (!row.root().equals("dated")) {
        writeUndated(undated, row);
      }
    }
    return List.of(dated, undated);
  }

  static List<Row> listed() {
    List<Row> rows = new ArrayList<>();
    for (String[] c : tsv("patients.tsv")) {
      Preconditions.checkArgument(c.length == 7, "patients.tsv row must have 7 columns: %s", Arrays.toString(c));
      rows.add(new Row(c[0], c[1], c[2], c[3], expand(c[4]), c[5], c[6]));
    }
    return rows;
  }

  /** Random family × given pairs; a pair that reads or is written like a listed patient is skipped. */
  private static List<Row> generated(List<Row> listed, int count, long seed) {
    List<String[]> families = new ArrayList<>();
    List<String[]> givens = new ArrayList<>();
    for (String[] c : tsv("distractor-names.tsv")) {
      (c[0].equals("family") ? families : givens).add(new String[] {c[1], c[2]});
    }
    Set<String> taken = new HashSet<>();
    for (Row r : listed) {
      String[] reps = r.pid5().split("~");
      for (String rep : reps) {
        String[] xpn = rep.split("\\^", -1);
        if (xpn.length > 1) {
          taken.add(NameKeys.kanjiStrict(xpn[0]) + "|" + NameKeys.kanjiStrict(xpn[1]));
          taken.add(NameKeys.kanaLoose(xpn[0]) + "|" + NameKeys.kanaLoose(xpn[1]));
        }
      }
    }
    SplittableRandom rng = new SplittableRandom(seed);
    List<Row> rows = new ArrayList<>();
    String[] roots = {"dated", "undated", "undated", "both"};
    for (int i = 0; rows.size() < count && i < count * 20; i++) {
      String[] f = families.get(rng.nextInt(families.size()));
      String[] g = givens.get(rng.nextInt(givens.size()));
      if (taken.contains(NameKeys.kanjiStrict(f[0]) + "|" + NameKeys.kanjiStrict(g[0]))
          || taken.contains(NameKeys.kanaLoose(f[1]) + "|" + NameKeys.kanaLoose(g[1]))) {
        continue;
      }
      String id = String.format(Locale.ROOT, "00070%05d", rows.size());
      String birth = String.format(Locale.ROOT, "%04d%02d%02d", 1930 + rng.nextInt(90), 1 + rng.nextInt(12),
          1 + rng.nextInt(28));
      rows.add(new Row(id, roots[rng.nextInt(roots.length)], "jis", "cr",
          f[0] + "^" + g[0] + "^^^^^L^I~" + f[1] + "^" + g[1] + "^^^^^L^P", birth, rng.nextBoolean() ? "M" : "F"));
    }
    return rows;
  }

  private static void writeUndated(Path root, Row r) {
    String ts = "20230105093000" + r.id().substring(7);
    String text = "MSH|^~\\&|HIS|HOSP|GW|RCV|" + ts.substring(0, 14) + "||ADT^A08^ADT_A01|" + ts + "|P|2.5||||||"
        + msh18(r) + "||ISO 2022-1994|SS-MIX2_1.20^SS-MIX2^1.2.392.200250.2.1.100.1.2.120^ISO\r"
        + "EVN||" + ts.substring(0, 12) + "\r"
        + pid(r)
        + "PV1|0001|O\r";
    write(root, r, "-", "ADT-00", r.id() + "_-_ADT-00_999999999999999_" + ts + "_-_1", text);
  }

  private static void writeDated(Path root, Row r) {
    String day = "2024" + String.format(Locale.ROOT, "%02d%02d", 1 + Math.floorMod(r.id().hashCode(), 12),
        1 + Math.floorMod(r.id().hashCode() / 12, 28));
    String ts = day + "110000000";
    String order = "0000" + r.id().substring(1) + "00";
    String text = "MSH|^~\\&|HIS|HOSP|GW|RCV|" + day + "110000||RDE^O11^RDE_O11|" + day + "11000001|P|2.5||||||"
        + msh18(r) + "||ISO 2022-1994|SS-MIX2_1.20^SS-MIX2^1.2.392.200250.2.1.100.1.2.120^ISO\r"
        + pid(r)
        + "PV1|0001|O|01^^^^^C\r"
        + "ORC|NW|" + order + "||1|||||" + day + "103045|||110^医師^一郎^^^^^^^L^^^^^I|01^^^^^C||||01^内科^99XY1\r"
        + "RXE||108665201^ダーゼン錠（５mg)^HOT9|1||TAB^錠^MR9P|||||14|TAB^錠^MR9P||||||||2^TAB&錠&MR9P||"
        + "OHP^外来処方^MR9P\r"
        + "TQ1|1||1013044400000000&内服・経口・１日３回朝昼夕食後&JAMISDP01|||7^d|" + day + "00\r"
        + "RXR|PO^口^HL70162\r";
    write(root, r, day, "OMP-01", r.id() + "_" + day + "_OMP-01_" + order + "_" + ts + "_01_1", text);
  }

  private static String pid(Row r) {
    return "PID|0001||" + r.id() + "^^^^PI||" + r.pid5() + "||" + r.birth() + "|" + r.sex()
        + "|||^^^^980-0811^JPN^H^宮城県仙台市青葉区一番町１番１号||^PRN^PH^^^^^^^^^022-000-0000"
        + "|||||||||||||||||||20240101090000\r";
  }

  private static String msh18(Row r) {
    return r.charset().startsWith("utf8") ? "UNICODE UTF-8" : "~ISO IR87";
  }

  private static void write(Path root, Row r, String dateFolder, String dataType, String fileName, String text) {
    String lines = switch (r.eol()) {
      case "cr" -> text;
      case "crlf" -> text.replace("\r", "\r\n");
      case "lf" -> text.replace('\r', '\n');
      default -> throw new IllegalArgumentException("line ending must be cr, crlf or lf: " + r);
    };
    Path dir = root.resolve(r.id().substring(0, 3)).resolve(r.id().substring(3, 6)).resolve(r.id())
        .resolve(dateFolder).resolve(dataType);
    try {
      Files.createDirectories(dir);
      Files.write(dir.resolve(fileName), encode(lines, r));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] encode(String text, Row r) {
    Charset charset = switch (r.charset()) {
      case "jis" -> Charset.forName("ISO-2022-JP");
      case "jis-win" -> Charset.forName("x-windows-iso2022jp");
      case "sjis" -> Charset.forName("windows-31j");
      case "utf8", "utf8-bom" -> StandardCharsets.UTF_8;
      default -> throw new IllegalArgumentException("unknown charset in " + r);
    };
    try {
      ByteBuffer encoded = charset.newEncoder()
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .onMalformedInput(CodingErrorAction.REPORT)
          .encode(CharBuffer.wrap(text));
      byte[] bytes = new byte[encoded.remaining()];
      encoded.get(bytes);
      if (r.charset().equals("utf8-bom")) {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] withBom = Arrays.copyOf(bom, bom.length + bytes.length);
        System.arraycopy(bytes, 0, withBom, bom.length, bytes.length);
        return withBom;
      }
      return bytes;
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(r.charset() + " cannot encode the PID of " + r, e);
    }
  }

  private static String expand(String pid5) {
    Matcher m = CODE_POINT.matcher(pid5);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(Character.toString(Integer.parseInt(m.group(1), 16))));
    }
    return m.appendTail(out).toString();
  }

  static List<String[]> tsv(String name) {
    try (InputStream in = HeldOutLikeStorage.class.getResourceAsStream(RESOURCES + name)) {
      Preconditions.checkState(in != null, "test resource %s%s is missing", RESOURCES, name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .map(l -> l.split("\t", -1))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
