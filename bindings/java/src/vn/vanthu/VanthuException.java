package vn.vanthu;

import java.util.Map;
import java.util.Optional;

/**
 * An error of vanthu: the input or an argument cannot be used (docs/bindings.md §2). Each kind is a
 * subclass ({@link InvalidArgument}, {@link Io}, {@link Unreadable}, {@link Refused}, {@link Trust},
 * {@link NothingToCheck}, {@link NoSuchDate}, {@link UnknownEncoding}, {@link Signing},
 * {@link Internal}); {@link #code()} is the stable number of the kind. A readable but non-compliant
 * input is not an error: it is a result with findings.
 */
public class VanthuException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int code;
    private final String kind;
    private final String messageVi;
    private final String rule;
    private final Map<String, Object> location;

    VanthuException(int code, String kind, String message, String messageVi, String rule,
            Map<String, Object> location) {
        super(message);
        this.code = code;
        this.kind = kind;
        this.messageVi = messageVi;
        this.rule = rule;
        this.location = location == null ? null : Values.frozenMap(location);
    }

    /** The exception of the native error {@code code} (called by the native library). */
    static VanthuException of(int code, String kind, String message, String messageVi, String rule,
            Map<String, Object> location) {
        switch (code) {
            case 1: return new InvalidArgument(code, kind, message, messageVi, rule, location);
            case 2: return new Io(code, kind, message, messageVi, rule, location);
            case 3: return new Unreadable(code, kind, message, messageVi, rule, location);
            case 4: return new Refused(code, kind, message, messageVi, rule, location);
            case 5: return new Trust(code, kind, message, messageVi, rule, location);
            case 6: return new NothingToCheck(code, kind, message, messageVi, rule, location);
            case 7: return new NoSuchDate(code, kind, message, messageVi, rule, location);
            case 8: return new UnknownEncoding(code, kind, message, messageVi, rule, location);
            case 9: return new Signing(code, kind, message, messageVi, rule, location);
            case 99: return new Internal(code, kind, message, messageVi, rule, location);
            default: return new VanthuException(code, kind, message, messageVi, rule, location);
        }
    }

    /** The stable number of the kind: 1 to 9, or 99 (docs/bindings.md §2). */
    public int code() {
        return code;
    }

    /** The kind, as in JSON: {@code invalid_argument}, {@code io}, {@code unreadable}, … */
    public String kind() {
        return kind;
    }

    /** The message in English, naming the file or value concerned (also {@link #getMessage()}). */
    public String message() {
        return getMessage();
    }

    /** The message in Vietnamese. */
    public String messageVi() {
        return messageVi;
    }

    /** The rule that refuses the input (e.g. {@code EDXML-XML-010}), when one does. */
    public Optional<String> rule() {
        return Optional.ofNullable(rule);
    }

    /** Where in the input ({@code offset}, {@code line}, {@code column}, {@code path}), when known. */
    public Optional<Map<String, Object>> location() {
        return Optional.ofNullable(location);
    }

    /** Code 1: an argument cannot be used (a time, a status code, an agency id, options). */
    public static final class InvalidArgument extends VanthuException {
        private static final long serialVersionUID = 1L;
        InvalidArgument(int c, String k, String m, String v, String r, Map<String, Object> l) { super(c, k, m, v, r, l); }
    }

    /** Code 2: a file or folder cannot be read or written. */
    public static final class Io extends VanthuException {
        private static final long serialVersionUID = 1L;
        Io(int c, String k, String m, String v, String r, Map<String, Object> l) { super(c, k, m, v, r, l); }
    }

    /** Code 3: the input cannot be read as the format it must be (not a package, damaged, a limit). */
    public static final class Unreadable extends VanthuException {
        private static final long serialVersionUID = 1L;
        Unreadable(int c, String k, String m, String v, String r, Map<String, Object> l) { super(c, k, m, v, r, l); }
    }

    /** Code 4: the input was read but a rule refuses it or the action; {@link #rule()} names it. */
    public static final class Refused extends VanthuException {
        private static final long serialVersionUID = 1L;
        Refused(int c, String k, String m, String v, String r, Map<String, Object> l) { super(c, k, m, v, r, l); }
    }

    /** Code 5: a trust anchor, revocation list or OCSP response cannot be read. */
    public static final class Trust extends VanthuException {
        private static final long serialVersionUID = 1L;
        Trust(int c, String k, String m, String v, String r, Map<String, Object> l) { super(c, k, m, v, r, l); }
    }

    /** Code 6: no file to check was found. */
    public static final class NothingToCheck extends VanthuException {
        private static final long serialVersionUID = 1L;
        NothingToCheck(int c, String k, String m, String v, String r, Map<String, Object> l) { super(c, k, m, v, r, l); }
    }

    /** Code 7: a well-formed lunar date that does not exist in its year. */
    public static final class NoSuchDate extends VanthuException {
        private static final long serialVersionUID = 1L;
        NoSuchDate(int c, String k, String m, String v, String r, Map<String, Object> l) { super(c, k, m, v, r, l); }
    }

    /** Code 8: the encoding of a text cannot be told with enough confidence. */
    public static final class UnknownEncoding extends VanthuException {
        private static final long serialVersionUID = 1L;
        UnknownEncoding(int c, String k, String m, String v, String r, Map<String, Object> l) { super(c, k, m, v, r, l); }
    }

    /** Code 9: a PDF cannot be signed. */
    public static final class Signing extends VanthuException {
        private static final long serialVersionUID = 1L;
        Signing(int c, String k, String m, String v, String r, Map<String, Object> l) { super(c, k, m, v, r, l); }
    }

    /** Code 99: a bug in vanthu (a panic caught at the boundary). */
    public static final class Internal extends VanthuException {
        private static final long serialVersionUID = 1L;
        Internal(int c, String k, String m, String v, String r, Map<String, Object> l) { super(c, k, m, v, r, l); }
    }
}
