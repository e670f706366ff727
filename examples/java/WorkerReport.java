// Calls libwangge from Java through JNA (Debian's libjna-java, no Maven, no JNI code).
//
//   javac -cp /usr/share/java/jna.jar -d out examples/java/WorkerReport.java
//   java -cp /usr/share/java/jna.jar:out -Djna.library.path=target/debug \
//        WorkerReport DOSSIER [--answer FILE] [--bad BAD_DOSSIER]
//   java -cp /usr/share/java/jna.jar:out -Djna.library.path=target/debug \
//        WorkerReport --cases LIST.tsv OUT_DIR
//
// The first form gets the embedded default policy, assesses DOSSIER, prints each grid worker's
// name, score, grade and top reasons through the typed calls (wg_assessment_*), writes the exact
// bytes of the JSON answer of wg_policy_assess to FILE, and, given a bad dossier, prints every
// problem of the failure through the per-problem accessors (wg_error_problem_*). The second form
// runs shared cases (lines NAME<TAB>CALL<TAB>DOSSIER<TAB>POLICY<TAB>OPTIONS, "-" for none) and
// writes each answer, success or failure, to OUT_DIR/NAME.json, byte for byte what Rust answers.
// Everything the library hands over is freed: answers with wg_string_free, errors with
// wg_error_free, handles with wg_policy_free and wg_assessment_free.

import com.sun.jna.IntegerType;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.PointerByReference;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

public final class WorkerReport {

  /** C `size_t`: 8 bytes on 64-bit Linux, macOS and Windows, 4 on 32-bit platforms. */
  public static final class SizeT extends IntegerType {
    private static final long serialVersionUID = 1L;

    public SizeT() {
      this(0);
    }

    public SizeT(long value) {
      super(Native.SIZE_T_SIZE, value, true);
    }
  }

  /** `struct wg_worker_result` of include/wangge.h; its strings belong to the assessment. */
  @Structure.FieldOrder({"person", "name", "community", "score", "score_grade", "grade",
      "award_eligible", "reason_count"})
  public static final class WorkerResult extends Structure {
    public Pointer person;
    public Pointer name;
    public Pointer community;
    public Pointer score;
    public int score_grade; // wg_grade (uint32_t)
    public int grade; // wg_grade (uint32_t)
    public byte award_eligible; // C bool is one byte: a Java boolean field would map to 4
    public SizeT reason_count;
  }

  /** `struct wg_reason` of include/wangge.h; its strings belong to the assessment. */
  @Structure.FieldOrder({"kind", "id", "clause", "text", "evidence_count", "overridden_by"})
  public static final class Reason extends Structure {
    public Pointer kind;
    public Pointer id;
    public Pointer clause;
    public Pointer text;
    public long evidence_count; // int64_t
    public Pointer overridden_by; // NULL unless the exception was outranked
  }

  /** The calls used here, declared as include/wangge.h has them. */
  public interface Wangge extends Library {
    // UTF-8 for every String argument and result: without it JNA uses the platform charset,
    // and Chinese text comes back as "??" under a POSIX locale.
    Wangge LIB = Native.load("wangge", Wangge.class,
        Map.of(Library.OPTION_STRING_ENCODING, "UTF-8"));

    String wg_version(); // static: never free

    String wg_result_tag(int code); // static

    String wg_grade_tag(int grade); // static

    String wg_grade_label_zh(int grade); // static

    int wg_policy_default(PointerByReference policyOut, PointerByReference errorOut);

    int wg_policy_from_json(byte[] json, SizeT jsonLen, PointerByReference policyOut,
        PointerByReference errorOut);

    void wg_policy_free(Pointer policy);

    int wg_policy_evaluate(Pointer policy, byte[] dossier, SizeT dossierLen, byte[] options,
        SizeT optionsLen, PointerByReference answerOut, PointerByReference errorOut);

    int wg_policy_assess(Pointer policy, byte[] dossier, SizeT dossierLen, byte[] options,
        SizeT optionsLen, PointerByReference answerOut, PointerByReference errorOut);

    int wg_policy_attendance(Pointer policy, byte[] dossier, SizeT dossierLen, byte[] options,
        SizeT optionsLen, PointerByReference answerOut, PointerByReference errorOut);

    int wg_policy_evidence(Pointer policy, byte[] dossier, SizeT dossierLen, byte[] options,
        SizeT optionsLen, PointerByReference answerOut, PointerByReference errorOut);

    int wg_assessment_new(Pointer policy, byte[] dossier, SizeT dossierLen, byte[] options,
        SizeT optionsLen, PointerByReference assessmentOut, PointerByReference errorOut);

    SizeT wg_assessment_worker_count(Pointer assessment);

    int wg_assessment_worker(Pointer assessment, SizeT index, WorkerResult workerOut,
        PointerByReference errorOut);

    int wg_assessment_reason(Pointer assessment, SizeT worker, SizeT reason, Reason reasonOut,
        PointerByReference errorOut);

    void wg_assessment_free(Pointer assessment);

    void wg_string_free(Pointer string);

    Pointer wg_error_json(Pointer error); // borrowed from the error: read, then wg_error_free

    SizeT wg_error_problem_count(Pointer error);

    int wg_error_problem_code(Pointer error, SizeT index);

    String wg_error_problem_message(Pointer error, SizeT index); // borrowed, copied by JNA

    String wg_error_problem_path(Pointer error, SizeT index); // null when absent

    String wg_error_problem_record(Pointer error, SizeT index);

    String wg_error_problem_date(Pointer error, SizeT index);

    void wg_error_free(Pointer error);
  }

  static final int WG_OK = 0;
  // Chinese on stdout whatever the locale (under a POSIX locale Java would print "??").
  static final PrintStream OUT =
      new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
  static final Wangge LIB = Wangge.LIB;

  /**
   * The exact bytes of a NUL-terminated UTF-8 answer. JSON answers never hold a NUL byte (JSON
   * escapes U+0000 as \u0000), so the first NUL is the end.
   */
  static byte[] answerBytes(Pointer answer) {
    long length = answer.indexOf(0, (byte) 0);
    return answer.getByteArray(0, (int) length);
  }

  static String utf8(Pointer p) {
    return p == null ? null : p.getString(0, "UTF-8");
  }

  /** A failure with every problem, read through the per-problem accessors. */
  static final class WanggeException extends Exception {
    private static final long serialVersionUID = 1L;
    final byte[] answer; // the failure answer, byte for byte the Rust one

    WanggeException(int code, Pointer error) {
      super(describe(code, error));
      this.answer = error == null ? new byte[0] : answerBytes(LIB.wg_error_json(error));
    }

    private static String describe(int code, Pointer error) {
      StringBuilder s = new StringBuilder(LIB.wg_result_tag(code));
      if (error == null) {
        return s.toString();
      }
      long n = LIB.wg_error_problem_count(error).longValue();
      s.append(": ").append(n).append(n == 1 ? " problem" : " problems");
      for (long i = 0; i < n; i++) {
        SizeT index = new SizeT(i);
        s.append("\n  ").append(LIB.wg_result_tag(LIB.wg_error_problem_code(error, index)))
            .append(": ").append(LIB.wg_error_problem_message(error, index));
        String path = LIB.wg_error_problem_path(error, index);
        String record = LIB.wg_error_problem_record(error, index);
        String date = LIB.wg_error_problem_date(error, index);
        if (path != null) {
          s.append("\n    path ").append(path);
        }
        if (record != null) {
          s.append("\n    record ").append(record);
        }
        if (date != null) {
          s.append("\n    date ").append(date);
        }
      }
      return s.toString();
    }
  }

  /** Throws the failure of a call, freeing its error, when `code` is not WG_OK. */
  static void check(int code, PointerByReference error) throws WanggeException {
    if (code == WG_OK) {
      return;
    }
    Pointer e = error.getValue();
    try {
      throw new WanggeException(code, e);
    } finally {
      LIB.wg_error_free(e); // NULL is fine
    }
  }

  static Pointer loadPolicy(String path) throws IOException, WanggeException {
    PointerByReference policy = new PointerByReference();
    PointerByReference error = new PointerByReference();
    if (path == null || path.equals("-")) {
      check(LIB.wg_policy_default(policy, error), error);
    } else {
      byte[] json = Files.readAllBytes(Paths.get(path));
      check(LIB.wg_policy_from_json(json, new SizeT(json.length), policy, error), error);
    }
    return policy.getValue();
  }

  /** The answer bytes of a call taking a policy, a dossier and options. */
  static byte[] dossierCall(String call, Pointer policy, byte[] dossier, byte[] options)
      throws WanggeException {
    PointerByReference answer = new PointerByReference();
    PointerByReference error = new PointerByReference();
    SizeT dlen = new SizeT(dossier.length);
    SizeT olen = new SizeT(options == null ? 0 : options.length);
    int code;
    switch (call) {
      case "evaluate":
        code = LIB.wg_policy_evaluate(policy, dossier, dlen, options, olen, answer, error);
        break;
      case "assess":
        code = LIB.wg_policy_assess(policy, dossier, dlen, options, olen, answer, error);
        break;
      case "attendance":
        code = LIB.wg_policy_attendance(policy, dossier, dlen, options, olen, answer, error);
        break;
      case "evidence":
        code = LIB.wg_policy_evidence(policy, dossier, dlen, options, olen, answer, error);
        break;
      default:
        throw new IllegalArgumentException("unknown call " + call);
    }
    check(code, error);
    Pointer a = answer.getValue();
    try {
      return answerBytes(a);
    } finally {
      LIB.wg_string_free(a);
    }
  }

  /** Prints each worker's name, score, grade and top reasons through the typed calls. */
  static void printWorkers(Pointer policy, byte[] dossier) throws WanggeException {
    PointerByReference assessmentOut = new PointerByReference();
    PointerByReference error = new PointerByReference();
    check(LIB.wg_assessment_new(policy, dossier, new SizeT(dossier.length), null, new SizeT(0),
        assessmentOut, error), error);
    Pointer assessment = assessmentOut.getValue();
    try {
      long workers = LIB.wg_assessment_worker_count(assessment).longValue();
      for (long i = 0; i < workers; i++) {
        WorkerResult w = new WorkerResult();
        check(LIB.wg_assessment_worker(assessment, new SizeT(i), w, error), error);
        OUT.printf("%s %s score %s %s %s%s%n", utf8(w.person), utf8(w.name),
            utf8(w.score), LIB.wg_grade_tag(w.grade), LIB.wg_grade_label_zh(w.grade),
            w.award_eligible != 0 ? "" : " vetoed (5.2)");
        long reasons = Math.min(3, w.reason_count.longValue()); // most important first
        for (long r = 0; r < reasons; r++) {
          Reason reason = new Reason();
          check(LIB.wg_assessment_reason(assessment, new SizeT(i), new SizeT(r), reason, error),
              error);
          OUT.printf("    %-6s %-11s %s (%d evidence)%n", utf8(reason.clause),
              utf8(reason.kind), utf8(reason.text), reason.evidence_count);
        }
      }
    } finally {
      LIB.wg_assessment_free(assessment); // the strings of w and reason die with it
    }
  }

  /** Runs shared cases, writing each answer (success or failure) to OUT_DIR/NAME.json. */
  static int runCases(Path list, Path outDir) throws IOException {
    Files.createDirectories(outDir);
    int n = 0;
    for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
      if (line.isEmpty()) {
        continue;
      }
      String[] f = line.split("\t");
      byte[] answer;
      Pointer policy = null;
      try {
        policy = loadPolicy(f[3]);
        byte[] dossier = Files.readAllBytes(Paths.get(f[2]));
        byte[] options = f[4].equals("-") ? null : Files.readAllBytes(Paths.get(f[4]));
        answer = dossierCall(f[1], policy, dossier, options);
      } catch (WanggeException e) {
        answer = e.answer;
      } finally {
        LIB.wg_policy_free(policy); // NULL is fine
      }
      Files.write(outDir.resolve(f[0] + ".json"), answer);
      n++;
    }
    OUT.println(n + " cases answered through Java");
    return 0;
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 3 && args[0].equals("--cases")) {
      System.exit(runCases(Paths.get(args[1]), Paths.get(args[2])));
    }
    if (args.length == 0 || args.length % 2 == 0) {
      System.err.println("usage: WorkerReport DOSSIER [--answer FILE] [--bad BAD_DOSSIER]\n"
          + "       WorkerReport --cases LIST.tsv OUT_DIR");
      System.exit(2);
    }
    String answerFile = null;
    String badDossier = null;
    for (int i = 1; i + 1 < args.length; i += 2) {
      if (args[i].equals("--answer")) {
        answerFile = args[i + 1];
      } else if (args[i].equals("--bad")) {
        badDossier = args[i + 1];
      } else {
        System.err.println("unknown option " + args[i]);
        System.exit(2);
      }
    }
    OUT.println("libwangge " + LIB.wg_version());
    Pointer policy = loadPolicy(null); // the embedded default, xincheng-2022
    try {
      byte[] dossier = Files.readAllBytes(Paths.get(args[0]));
      printWorkers(policy, dossier);
      if (answerFile != null) {
        Files.write(Paths.get(answerFile), dossierCall("assess", policy, dossier, null));
      }
      if (badDossier != null) {
        try {
          dossierCall("assess", policy, Files.readAllBytes(Paths.get(badDossier)), null);
          System.err.println(badDossier + " was accepted");
          System.exit(1);
        } catch (WanggeException e) {
          OUT.println("refused " + badDossier + ": " + e.getMessage());
        }
      }
    } finally {
      LIB.wg_policy_free(policy);
    }
  }
}
