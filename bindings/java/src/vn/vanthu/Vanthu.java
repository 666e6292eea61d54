package vn.vanthu;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * vanthu from Java: every function of docs/bindings.md as a static method, named in camelCase
 * ({@code verify_pdf} is {@link #verifyPdf}). Each returns what the matching {@code vanthu} CLI command
 * prints with {@code --json}: the principal results as records ({@link FileReport}, {@link VerifyResult},
 * {@link Written}, {@link ReplyWritten}, {@link PackageWritten}, {@link Replay}, {@link ArchiveReport}, {@link Packed}), each
 * keeping the whole value ({@code raw()}); the others as {@code Map}s and {@code List}s with the keys of the
 * CLI's JSON (objects are {@code LinkedHashMap}s in the CLI's key order, integers {@code Long}s). Errors
 * are {@link VanthuException}s carrying the stable code. Every method may be called from any thread.
 */
public final class Vanthu {
    private Vanthu() {}

    private static final String[] NONE = {};

    private static Object call(String function, String[] args, byte[] bytes, Options options) {
        return Native.call(function, args, bytes, Options.json(options));
    }

    private static Object call(String function, String... args) {
        return Native.call(function, args, null, null);
    }

    private static String[] strings(Object... parts) {
        List<String> out = new ArrayList<>();
        for (Object p : parts) {
            if (p instanceof List<?> list) {
                for (Object item : list) {
                    out.add(item.toString());
                }
            } else {
                out.add(p.toString());
            }
        }
        return out.toArray(NONE);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object value) {
        return (List<Map<String, Object>>) value;
    }

    /**
     * The version of vanthu ({@code vanthu --version}), e.g. {@code 0.1.0}.
     *
     * @return the version
     */
    public static String version() {
        return (String) call("version");
    }

    /**
     * Every rule id vanthu can report: {@code id}, {@code severity}, {@code title}, {@code title_vi}, {@code source}.
     *
     * @return the rules, in a stable order
     */
    public static List<Map<String, Object>> rules() {
        return maps(call("rules"));
    }

    /**
     * What an identifier is and its parts (one element of {@code vanthu id --json}).
     *
     * @param text the text
     * @return what the identifier is, its parts and findings
     */
    public static Map<String, Object> identify(String text) {
        return map(call("identify", text));
    }

    /**
     * The Vietnamese text of a file checked: {@code file}, {@code encoding}, {@code nfc}, {@code findings}.
     *
     * @param path the file
     * @return {@code file}, {@code encoding}, {@code nfc} and {@code findings}
     */
    public static Map<String, Object> textCheck(Path path) {
        return map(call("text_check", path.toString()));
    }

    /**
     * Legacy (TCVN3, VNI) or decomposed text converted to NFC Unicode: {@code text}, {@code encoding}, {@code action}, {@code note}.
     *
     * @param text the text
     * @return the text and how it was read
     */
    public static Map<String, Object> textFix(byte[] text) {
        return textFix(text, null);
    }

    /**
     * {@link #textFix(byte[])} with options.
     *
     * @param text the text
     * @param options the options, or null for vanthu's defaults
     * @return the text and how it was read
     */
    public static Map<String, Object> textFix(byte[] text, TextFixOptions options) {
        return map(call("text_fix", NONE, text, options));
    }

    /**
     * {@link #textFix(byte[])} of a string (its UTF-8 bytes).
     *
     * @param text the text
     * @param options the options, or null for vanthu's defaults
     * @return the text and how it was read
     */
    public static Map<String, Object> textFix(String text, TextFixOptions options) {
        return textFix(text.getBytes(StandardCharsets.UTF_8), options);
    }

    /**
     * Checks a file or a folder (walked recursively, files recognised by content): one report per file,
     * in a stable order. A file that cannot be read is a report with {@code error} set.
     *
     * @param path the file or folder
     * @param options the options, or null for vanthu's defaults
     * @return one report per file, in a stable order
     * @throws VanthuException.Trust when a trust anchor cannot be read
     * @throws VanthuException.NothingToCheck when no file was found
     */
    public static List<FileReport> check(Path path, CheckOptions options) {
        List<FileReport> out = new ArrayList<>();
        for (Map<String, Object> report : maps(call("check", strings(path), null, options))) {
            out.add(FileReport.of(report));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * {@link #check(Path, CheckOptions)} with the defaults (no trust anchor, now).
     *
     * @param path the file or folder
     * @return one report per file, in a stable order
     */
    public static List<FileReport> check(Path path) {
        return check(path, null);
    }

    /**
     * Checks one file given as bytes (an edXML package, a PDF or a SIP ZIP), named {@code name} in the report.
     *
     * @param name the name the report gives the file
     * @param bytes the file's content
     * @param options the options, or null for vanthu's defaults
     * @return the file's report
     */
    public static FileReport checkBytes(String name, byte[] bytes, CheckOptions options) {
        return FileReport.of(map(call("check_bytes", strings(name), bytes, options)));
    }

    /**
     * {@link #checkBytes(String, byte[], CheckOptions)} with the defaults.
     *
     * @param name the name the report gives the file
     * @param bytes the file's content
     * @return the file's report
     */
    public static FileReport checkBytes(String name, byte[] bytes) {
        return checkBytes(name, bytes, null);
    }

    /**
     * The header fields and attachments of an edXML package ({@code vanthu inspect --json}; tagged by {@code kind}).
     *
     * @param path the edXML package
     * @return the package's header fields, attachments and findings
     */
    public static Map<String, Object> inspect(Path path) {
        return map(call("inspect", path.toString()));
    }

    /**
     * Rewrites an edXML package in the strict canonical form into {@code output} (may be {@code path}).
     *
     * @param path the edXML package
     * @param output the file to write (written beside it, then renamed over it)
     * @return the file written
     */
    public static Written normalize(Path path, Path output) {
        return Written.of(map(call("normalize", path.toString(), output.toString())));
    }

    /**
     * Writes the attachments of an edXML package into the folder {@code output}; nothing is left on an error.
     *
     * @param path the edXML package
     * @param output the file to write (written beside it, then renamed over it)
     * @param options the options, or null for vanthu's defaults
     * @return one entry per file written
     */
    public static List<Map<String, Object>> extract(Path path, Path output, ExtractOptions options) {
        return maps(call("extract", strings(path, output), null, options));
    }

    /**
     * {@link #extract(Path, Path, ExtractOptions)} with the defaults.
     *
     * @param path the edXML package
     * @param output the file to write (written beside it, then renamed over it)
     * @return one entry per file written
     */
    public static List<Map<String, Object>> extract(Path path, Path output) {
        return extract(path, output, null);
    }

    /**
     * The whole model of an edXML package (docs/bindings.md §4): what {@link #write} takes back.
     *
     * @param path the edXML package
     * @return the model, as {@link #write} takes it back
     */
    public static Map<String, Object> model(Path path) {
        return map(call("model", path.toString()));
    }

    /**
     * Writes an edXML package from its model (as {@link #model} gives it) and the files of its
     * attachments, in order, streamed: {@code file}, {@code size}, {@code sha256}, {@code kind},
     * {@code document_id}, {@code attachments}.
     *
     * @param model the package's model
     * @param attachments the files of the attachments, in the model's order
     * @param output the file to write (written beside it, then renamed over it)
     * @return the file written and its attachments' digests
     */
    public static PackageWritten write(Map<String, ?> model, List<Path> attachments, Path output) {
        return write(Json.write(model), attachments, output);
    }

    /**
     * {@link #write(Map, List, Path)} of a model given as JSON text.
     *
     * @param modelJson the package's model as JSON text
     * @param attachments the files of the attachments, in the model's order
     * @param output the file to write (written beside it, then renamed over it)
     * @return the file written and its attachments' digests
     */
    public static PackageWritten write(String modelJson, List<Path> attachments, Path output) {
        return PackageWritten.of(map(call("write", strings(modelJson, output, attachments))));
    }

    /**
     * Verifies every signature of a PDF against the trust anchors {@code trust} (certificate files or
     * folders) and gives its legal value.
     *
     * @param pdf the PDF
     * @param trust the trust anchors: certificate files (PEM or DER) or folders of them
     * @param options the options, or null for vanthu's defaults
     * @return the legal value and every signature's validation
     * @throws VanthuException.Trust when a trust anchor cannot be read
     * @throws VanthuException.Unreadable when the file is not a PDF
     */
    public static VerifyResult verifyPdf(Path pdf, List<Path> trust, VerifyOptions options) {
        return VerifyResult.of(map(call("verify_pdf", strings(pdf, trust), null, options)));
    }

    /**
     * {@link #verifyPdf(Path, List, VerifyOptions)} with one trust anchor.
     *
     * @param pdf the PDF
     * @param trust the trust anchors: certificate files (PEM or DER) or folders of them
     * @param options the options, or null for vanthu's defaults
     * @return the legal value and every signature's validation
     */
    public static VerifyResult verifyPdf(Path pdf, Path trust, VerifyOptions options) {
        return verifyPdf(pdf, List.of(trust), options);
    }

    /**
     * {@link #verifyPdf(Path, List, VerifyOptions)} with one trust anchor, now.
     *
     * @param pdf the PDF
     * @param trust the trust anchors: certificate files (PEM or DER) or folders of them
     * @return the legal value and every signature's validation
     */
    public static VerifyResult verifyPdf(Path pdf, Path trust) {
        return verifyPdf(pdf, List.of(trust), null);
    }

    /**
     * Signing, first step: what an external signer (a USB token, an HSM) must sign
     * ({@code to_be_signed}, Base64, with {@code scheme}) and what {@link #signFinish} needs back.
     *
     * @param pdf the PDF
     * @param certificate the signer's certificate (PEM or DER)
     * @param options the options, or null for vanthu's defaults
     * @return what to sign, and what {@link #signFinish} needs back
     */
    public static Map<String, Object> signPrepare(Path pdf, Path certificate, SignOptions options) {
        return map(call("sign_prepare", strings(pdf, certificate), null, options));
    }

    /**
     * Signing, second step: writes the signed PDF with the signer's signature value.
     *
     * @param prepared what {@link #signPrepare} returned, unchanged
     * @param signature the signature value the signer made of {@code to_be_signed}
     * @param output the file to write (written beside it, then renamed over it)
     * @return the signed PDF written
     */
    public static Written signFinish(Map<String, ?> prepared, byte[] signature, Path output) {
        return Written.of(map(call("sign_finish", strings(Json.write(prepared), output), signature, null)));
    }

    /**
     * Writes the status package (status {@code status}, e.g. {@code 03}) that the agency
     * {@code fromAgency} sends in answer to the document package {@code path}.
     *
     * @param path the document package answered
     * @param status the status code, two digits (e.g. {@code 03})
     * @param fromAgency the answering agency's id
     * @param output the file to write (written beside it, then renamed over it)
     * @param options the options, or null for vanthu's defaults
     * @return the file written and the status package it holds
     * @throws VanthuException.Refused when the workflow would not send that reply
     */
    public static ReplyWritten reply(Path path, String status, String fromAgency, Path output, ReplyOptions options) {
        return ReplyWritten.of(map(call("reply", strings(path, status, fromAgency, output), null, options)));
    }

    /**
     * {@link #reply(Path, String, String, Path, ReplyOptions)} with the defaults (now).
     *
     * @param path the document package answered
     * @param status the status code, two digits (e.g. {@code 03})
     * @param fromAgency the answering agency's id
     * @param output the file to write (written beside it, then renamed over it)
     * @return the file written and the status package it holds
     */
    public static ReplyWritten reply(Path path, String status, String fromAgency, Path output) {
        return reply(path, status, fromAgency, output, null);
    }

    /**
     * Replays a workflow event log: the final state, refused events and missed deadlines, pending deadlines.
     *
     * @param log the event log (JSON)
     * @param options the options, or null for vanthu's defaults
     * @return the final state, findings and deadlines
     */
    public static Replay replay(Path log, ReplayOptions options) {
        return Replay.of(map(call("replay", strings(log), null, options)));
    }

    /**
     * {@link #replay(Path, ReplayOptions)} with the defaults.
     *
     * @param log the event log (JSON)
     * @return the final state, findings and deadlines
     */
    public static Replay replay(Path log) {
        return replay(log, null);
    }

    /**
     * Checks an archival package, its ZIP or its unpacked folder (Thông tư 05/2025/TT-BNV, E-ARK CSIP).
     *
     * @param path the package: its ZIP or its unpacked folder
     * @param options the options, or null for vanthu's defaults
     * @return the package's report
     */
    public static ArchiveReport archiveCheck(Path path, ArchiveCheckOptions options) {
        return ArchiveReport.of(map(call("archive_check", strings(path), null, options)));
    }

    /**
     * {@link #archiveCheck(Path, ArchiveCheckOptions)} with the defaults.
     *
     * @param path the package: its ZIP or its unpacked folder
     * @return the package's report
     */
    public static ArchiveReport archiveCheck(Path path) {
        return archiveCheck(path, null);
    }

    /**
     * Packs a record as an archival package from its JSON specification.
     *
     * @param spec the package specification (JSON)
     * @param output the file to write (written beside it, then renamed over it)
     * @param options the options, or null for vanthu's defaults
     * @return the ZIP written
     */
    public static Packed archivePack(Path spec, Path output, PackOptions options) {
        return Packed.of(map(call("archive_pack", strings(spec, output), null, options)));
    }

    /**
     * {@link #archivePack(Path, Path, PackOptions)} with the defaults.
     *
     * @param spec the package specification (JSON)
     * @param output the file to write (written beside it, then renamed over it)
     * @return the ZIP written
     */
    public static Packed archivePack(Path spec, Path output) {
        return archivePack(spec, output, null);
    }

    /**
     * Retention, transfer due dates and disposal state of a record on a date, under the law of 2024.
     *
     * @param record the record (JSON)
     * @param at the date
     * @return the record's retention, transfer due dates and disposal state
     */
    public static Map<String, Object> retention(Path record, LocalDate at) {
        return map(call("retention", record.toString(), Values.time(at)));
    }

    /**
     * {@link #retention(Path, LocalDate)} under the archives law {@code law} (2011 or 2024).
     *
     * @param record the record (JSON)
     * @param at the date
     * @param law the archives law: 2011 or 2024
     * @return the record's retention, transfer due dates and disposal state
     */
    public static Map<String, Object> retention(Path record, LocalDate at, int law) {
        return map(call("retention", record.toString(), Values.time(at), Integer.toString(law)));
    }

    /**
     * A deadline in Vietnam time from {@code start}: N working days (4 by default) or by rule.
     *
     * @param start the start, in Vietnam time unless an offset is given
     * @param options the options, or null for vanthu's defaults
     * @return the start, the rule or number of days, and the deadline
     */
    public static Map<String, Object> due(String start, DueOptions options) {
        return map(call("due", strings(start), null, options));
    }

    /**
     * {@link #due(String, DueOptions)} from a date-time.
     *
     * @param start the start, in Vietnam time unless an offset is given
     * @param options the options, or null for vanthu's defaults
     * @return the start, the rule or number of days, and the deadline
     */
    public static Map<String, Object> due(Temporal start, DueOptions options) {
        return due(Values.time(start), options);
    }

    /**
     * The lunar date of a solar date ({@code YYYY-MM-DD} or {@code D/M/YYYY}).
     *
     * @param date the solar date
     * @return the solar and lunar dates
     */
    public static Map<String, Object> lunar(String date) {
        return map(call("lunar", date));
    }

    /**
     * The lunar date of a solar date.
     *
     * @param date the solar date
     * @return the solar and lunar dates
     */
    public static Map<String, Object> lunar(LocalDate date) {
        return lunar(Values.time(date));
    }

    /**
     * The solar date of a lunar date ({@code D/M/YYYY}), {@code leap} for the leap month.
     *
     * @param lunar the lunar date, {@code D/M/YYYY}
     * @param leap whether the month is the leap month
     * @return the solar and lunar dates
     * @throws VanthuException.NoSuchDate when that lunar date does not exist in its year
     */
    public static Map<String, Object> lunarToSolar(String lunar, boolean leap) {
        return map(call("lunar_to_solar", lunar, Boolean.toString(leap)));
    }

    /**
     * A year's days off (holidays, compensatory, swapped) and working days (1900–2100).
     *
     * @param year the year, 1900 to 2100
     * @return the year's days off and working days
     */
    public static Map<String, Object> calendar(int year) {
        return map(call("calendar", Integer.toString(year)));
    }

    /**
     * Where the native library was loaded from: {@code java.library.path} or {@code jar:<resource>}.
     *
     * @return where the library was loaded from
     */
    public static String nativeLibrary() {
        return NativeLibrary.load();
    }
}
