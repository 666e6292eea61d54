package vn.vanthu;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Java driver of the shared harness (bindings/harness/README.md): {@code HarnessDriver CASES OUT}
 * runs each case through the Java API and writes {@code OUT/<name>.json}, {@code {"ok": VALUE}} or
 * {@code {"error": {...}}}. VALUE is what the API returned, written back to JSON: a record is written
 * from its typed components (each under its snake_case name), the keys it has no component for from
 * {@code raw()}, so that the comparison with the CLI covers what users read.
 */
public final class HarnessDriver {
    private HarnessDriver() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: HarnessDriver CASES OUT");
            System.exit(2);
        }
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        int failed = 0;
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            if (line.isEmpty()) {
                continue;
            }
            List<String> fields = Arrays.asList(line.split("\t", -1));
            String name = fields.get(0);
            String call = fields.get(1);
            List<String> positional = new ArrayList<>();
            Map<String, String> options = new LinkedHashMap<>();
            for (String f : fields.subList(2, fields.size())) {
                if (f.startsWith("@") && f.contains("=")) {
                    options.put(f.substring(1, f.indexOf('=')), f.substring(f.indexOf('=') + 1));
                } else {
                    positional.add(f);
                }
            }
            Map<String, Object> result = new LinkedHashMap<>();
            try {
                result.put("ok", encode(run(call, positional, options)));
            } catch (VanthuException e) {
                result.put("error", error(e));
            } catch (RuntimeException | ReflectiveOperationException e) {
                System.err.println("case " + name + ": " + e);
                e.printStackTrace();
                failed++;
                continue;
            }
            Files.writeString(out.resolve(name + ".json"), Json.write(result), StandardCharsets.UTF_8);
        }
        System.exit(failed == 0 ? 0 : 1);
    }

    /** The error as the harness reads it. */
    static Map<String, Object> error(VanthuException e) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", e.code());
        error.put("kind", e.kind());
        error.put("message", e.getMessage());
        error.put("message_vi", e.messageVi());
        e.rule().ifPresent(r -> error.put("rule", r));
        e.location().ifPresent(l -> error.put("location", l));
        return error;
    }

    static Object run(String call, List<String> p, Map<String, String> o)
            throws IOException, ReflectiveOperationException {
        switch (call) {
            case "version": return Vanthu.version();
            case "rules": return Vanthu.rules();
            case "identify": return Vanthu.identify(p.get(0));
            case "inspect": return Vanthu.inspect(Path.of(p.get(0)));
            case "model": return Vanthu.model(Path.of(p.get(0)));
            case "check":
                return Vanthu.check(Path.of(p.get(0)), options(CheckOptions.builder(), o));
            case "check_bytes":
                return Vanthu.checkBytes(p.get(0), Files.readAllBytes(Path.of(p.get(1))),
                        options(CheckOptions.builder(), o));
            case "verify_pdf":
                return Vanthu.verifyPdf(Path.of(p.get(0)), Path.of(p.get(1)), options(VerifyOptions.builder(), o));
            case "reply":
                return Vanthu.reply(Path.of(p.get(0)), p.get(1), p.get(2), Path.of(p.get(3)),
                        options(ReplyOptions.builder(), o));
            case "replay": return Vanthu.replay(Path.of(p.get(0)), options(ReplayOptions.builder(), o));
            case "archive_check":
                return Vanthu.archiveCheck(Path.of(p.get(0)), options(ArchiveCheckOptions.builder(), o));
            case "archive_pack":
                return Vanthu.archivePack(Path.of(p.get(0)), Path.of(p.get(1)), options(PackOptions.builder(), o));
            case "normalize": return Vanthu.normalize(Path.of(p.get(0)), Path.of(p.get(1)));
            case "calendar": return Vanthu.calendar(Integer.parseInt(p.get(0)));
            case "lunar": return Vanthu.lunar(p.get(0));
            case "due": return Vanthu.due(p.get(0), options(DueOptions.builder(), o));
            case "office":
                try (Office office = new Office(p.get(0))) {
                    for (String event : p.subList(1, p.size())) {
                        office.apply(event);
                    }
                    return office.snapshot();
                }
            default:
                throw new IllegalArgumentException("unknown call " + call);
        }
    }

    /**
     * The options {@code given} (snake_case names, text values) set through the builder's typed
     * methods (camelCase), each value converted to the method's parameter type.
     */
    static <O extends Options, B extends Options.Builder<O, B>> O options(B builder, Map<String, String> given)
            throws ReflectiveOperationException {
        for (Map.Entry<String, String> e : given.entrySet()) {
            String method = camel(e.getKey());
            String value = e.getValue();
            Method chosen = null;
            Object argument = null;
            for (Class<?> type : List.of(String.class, boolean.class, int.class, long.class, Path[].class)) {
                try {
                    chosen = builder.getClass().getMethod(method, type);
                } catch (NoSuchMethodException absent) {
                    continue;
                }
                if (type == String.class) {
                    argument = value;
                } else if (type == boolean.class) {
                    argument = Boolean.parseBoolean(value);
                } else if (type == int.class) {
                    argument = Integer.parseInt(value);
                } else if (type == long.class) {
                    argument = Long.parseLong(value);
                } else {
                    argument = new Path[] {Path.of(value)};
                }
                break;
            }
            if (chosen == null) {
                throw new IllegalArgumentException(builder.getClass().getName() + " has no option " + method);
            }
            chosen.invoke(builder, argument);
        }
        return builder.build();
    }

    static String camel(String snake) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    /**
     * A value the API returned, as plain maps and lists for {@link Json#write}: a record's keys in the
     * order of its {@code raw()}, each from the typed component of that name when there is one. Every
     * component must be written (or be an empty Optional whose key is absent), so none goes untested.
     */
    static Object encode(Object value) throws ReflectiveOperationException {
        if (value instanceof Record record) {
            Map<String, RecordComponent> components = new LinkedHashMap<>();
            for (RecordComponent c : record.getClass().getRecordComponents()) {
                if (!c.getName().equals("raw")) {
                    components.put(snake(c.getName()), c);
                }
            }
            Map<?, ?> raw = (Map<?, ?>) record.getClass().getMethod("raw").invoke(record);
            Map<String, Object> out = new LinkedHashMap<>();
            Set<String> written = new HashSet<>();
            for (Map.Entry<?, ?> e : raw.entrySet()) {
                String key = (String) e.getKey();
                RecordComponent c = components.get(key);
                if (c == null) {
                    out.put(key, encode(e.getValue()));
                } else {
                    Object typed = c.getAccessor().invoke(record);
                    if (typed instanceof Optional<?> optional) {
                        typed = optional.orElse(null);
                    }
                    out.put(key, encode(typed));
                    written.add(key);
                }
            }
            for (Map.Entry<String, RecordComponent> c : components.entrySet()) {
                Object typed = c.getValue().getAccessor().invoke(record);
                boolean empty = typed instanceof Optional<?> o && o.isEmpty();
                if (!written.contains(c.getKey()) && !empty) {
                    throw new IllegalStateException(record.getClass().getSimpleName() + "." + c.getValue().getName()
                            + " is set but " + c.getKey() + " is not in raw()");
                }
            }
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.put((String) e.getKey(), encode(e.getValue()));
            }
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object item : list) {
                out.add(encode(item));
            }
            return out;
        }
        return value;
    }

    static String snake(String camel) {
        StringBuilder out = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
