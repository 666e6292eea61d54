/*
 * The C ABI from C: every function of include/vanthu.h, its error paths, and
 * the results the CLI's --json is compared with (ffi/tests/c/run.sh).
 *
 * usage: test_vanthu REPO FIXTURES DEMO OUT
 *   REPO      the repository (test vectors)
 *   FIXTURES  the real packages (vpcp-samples/)
 *   DEMO      a folder written by `vanthu demo` (a signed PDF, its PKI, logs)
 *   OUT       where to write the JSON results compared with the CLI's
 *
 * Exit 0 when every check passed. Run under valgrind: every string vanthu
 * returns is freed with vanthu_free, the office with vanthu_office_free.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vanthu.h"

static int checks = 0;
static int failures = 0;

#define CHECK(cond, what)                                                   \
    do {                                                                    \
        checks++;                                                           \
        if (!(cond)) {                                                      \
            failures++;                                                     \
            fprintf(stderr, "FAIL %s:%d: %s\n", __FILE__, __LINE__, (what)); \
        }                                                                   \
    } while (0)

static char path_buf[8][4096];
static int path_next = 0;

/* dir/name in a rotating buffer (enough for one call's arguments). */
static const char *join(const char *dir, const char *name) {
    char *p = path_buf[path_next++ % 8];
    snprintf(p, sizeof path_buf[0], "%s/%s", dir, name);
    return p;
}

/* A call that must succeed: returns its JSON (the caller frees it). */
static char *ok(const char *what, int status, char *json, char *error) {
    CHECK(status == 0 && json != NULL && error == NULL, what);
    if (error != NULL) {
        fprintf(stderr, "  %s: status %d: %s\n", what, status, error);
        vanthu_free(error);
    }
    return json;
}

/* A call that must fail with `code`: the error JSON carries it. */
static void fails(const char *what, int code, int status, char *json, char *error) {
    char needle[32];
    snprintf(needle, sizeof needle, "\"code\":%d,", code);
    CHECK(status == code && json == NULL && error != NULL, what);
    CHECK(error == NULL || (strstr(error, needle) != NULL && strstr(error, "\"message_vi\":") != NULL),
          what);
    if (status != code) {
        fprintf(stderr, "  %s: expected %d, got %d: %s\n", what, code, status, error ? error : json);
    }
    vanthu_free(json);
    vanthu_free(error);
}

/* Writes a result for run.sh to compare with the CLI, and frees it. */
static void save(const char *out, const char *name, char *json) {
    if (json == NULL) {
        return;
    }
    FILE *f = fopen(join(out, name), "w");
    CHECK(f != NULL, name);
    if (f != NULL) {
        fputs(json, f);
        fclose(f);
    }
    vanthu_free(json);
}

static void write_bytes(const char *path, const unsigned char *bytes, size_t len) {
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL, path);
    if (f != NULL) {
        CHECK(fwrite(bytes, 1, len, f) == len, path);
        fclose(f);
    }
}

/* The value of "key":"…" in a flat JSON text, copied into `out`. */
static int json_string(const char *json, const char *key, char *out, size_t size) {
    char needle[64];
    snprintf(needle, sizeof needle, "\"%s\":\"", key);
    const char *start = json ? strstr(json, needle) : NULL;
    if (start == NULL) {
        return 0;
    }
    start += strlen(needle);
    const char *end = strchr(start, '"');
    if (end == NULL || (size_t)(end - start) >= size) {
        return 0;
    }
    memcpy(out, start, (size_t)(end - start));
    out[end - start] = '\0';
    return 1;
}

static size_t unhex(const char *hex, unsigned char *out, size_t size) {
    size_t n = 0;
    for (; hex[0] && hex[1] && n < size; hex += 2) {
        unsigned int byte;
        if (sscanf(hex, "%2x", &byte) != 1) {
            return 0;
        }
        out[n++] = (unsigned char)byte;
    }
    return n;
}

static unsigned char *read_all(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        return NULL;
    }
    unsigned char *buf = malloc(65536);
    *len = buf ? fread(buf, 1, 65536, f) : 0;
    fclose(f);
    return buf;
}

int main(int argc, char **argv) {
    if (argc != 5) {
        fprintf(stderr, "usage: %s REPO FIXTURES DEMO OUT\n", argv[0]);
        return 2;
    }
    const char *repo = argv[1], *fixtures = argv[2], *demo = argv[3], *out = argv[4];
    char *j, *e;
    int s;
    char real[4096], pdf[4096], root[4096];
    snprintf(real, sizeof real, "%s/vpcp-samples/edoc_new.edxml", fixtures);
    snprintf(pdf, sizeof pdf, "%s/sender/182-QD-LDTBXH.signed.pdf", demo);
    snprintf(root, sizeof root, "\"%s/pki/root.cer\"", demo);
    const char *at = "{\"at\": \"2025-06-05T12:00:00+07:00\"}";

    /* Small functions. */
    j = e = NULL;
    s = vanthu_version(&j, &e);
    j = ok("version", s, j, e);
    CHECK(j != NULL && j[0] == '"', "version is a JSON string");
    vanthu_free(j);
    s = vanthu_rules(&j, &e);
    j = ok("rules", s, j, e);
    CHECK(j != NULL && strstr(j, "\"EDXML-XML-010\"") != NULL, "rules lists EDXML-XML-010");
    vanthu_free(j);
    s = vanthu_identify("000.00.15.H47", &j, &e);
    j = ok("identify", s, j, e);
    CHECK(j != NULL && strstr(j, "\"kind\":\"agency_id\"") != NULL, "identify an agency id");
    vanthu_free(j);
    s = vanthu_lunar("2025-01-29", &j, &e);
    save(out, "lunar.json", ok("lunar", s, j, e));
    s = vanthu_lunar_to_solar("1/6/2025", true, &j, &e);
    vanthu_free(ok("lunar_to_solar", s, j, e));
    s = vanthu_calendar(2025, &j, &e);
    save(out, "calendar.json", ok("calendar", s, j, e));
    s = vanthu_due("2025-06-06T16:00", "{\"rule\": \"issue\", \"next_day\": \"morning\"}", &j, &e);
    save(out, "due.json", ok("due", s, j, e));
    const unsigned char tcvn3[] = "C\xe9ng ho\xb5 x\xb7 h\xe9i ch\xf1 ngh\xdc" "a Vi\xd6t Nam";
    s = vanthu_text_fix(tcvn3, sizeof tcvn3 - 1, NULL, &j, &e);
    j = ok("text_fix", s, j, e);
    CHECK(j != NULL && strstr(j, "\"text\":\"Cộng hoà xã hội chủ nghĩa Việt Nam\"") != NULL, "TCVN3 decoded");
    vanthu_free(j);
    write_bytes(join(out, "text.txt"), tcvn3, sizeof tcvn3 - 1);
    s = vanthu_text_check(join(out, "text.txt"), &j, &e);
    save(out, "text_check.json", ok("text_check", s, j, e));

    /* A real package: inspect, check (file and bytes), a 03 reply. */
    s = vanthu_inspect(real, &j, &e);
    save(out, "inspect.json", ok("inspect a real package", s, j, e));
    s = vanthu_check(real, at, &j, &e);
    save(out, "check.json", ok("check a real package", s, j, e));
    size_t len = 0;
    unsigned char *bytes = read_all(join(demo, "sender/182-QD-LDTBXH.edxml"), &len);
    CHECK(bytes != NULL && len > 0, "read a package");
    s = vanthu_check_bytes("182-QD-LDTBXH.edxml", bytes, len, at, &j, &e);
    vanthu_free(ok("check_bytes", s, j, e));
    free(bytes);
    s = vanthu_reply(real, "03", "28.22.H17", join(out, "status-03.edxml"),
                     "{\"at\": \"2025-06-03T09:00:00+07:00\"}", &j, &e);
    save(out, "reply.json", ok("reply 03", s, j, e));

    s = vanthu_normalize(real, join(out, "normalized.edxml"), &j, &e);
    save(out, "normalize.json", ok("normalize a real package", s, j, e));
    s = vanthu_normalize(join(out, "normalized.edxml"), join(out, "normalized2.edxml"), &j, &e);
    j = ok("normalize again", s, j, e);
    static char first[8192];
    char second[80];
    FILE *nj = fopen(join(out, "normalize.json"), "r");
    size_t got = nj ? fread(first, 1, sizeof first - 1, nj) : 0;
    first[got] = '\0';
    if (nj) {
        fclose(nj);
    }
    CHECK(json_string(first, "sha256", second, sizeof second) && j != NULL && strstr(j, second) != NULL,
          "normalising twice gives the same bytes");
    vanthu_free(j);

    s = vanthu_extract(real, join(out, "extracted"), "{\"unzip\": true}", &j, &e);
    save(out, "extract.json", ok("extract a real package", s, j, e));
    s = vanthu_extract(real, join(out, "capped"), "{\"max_bytes\": 10}", &j, &e);
    fails("extract beyond the cap", 3, s, j, e);

    /* The model of the real package, written back with its attachments
     * extracted (not unzipped): the bytes of normalize. */
    s = vanthu_model(real, &j, &e);
    char *model = ok("model of a real package", s, j, e);
    CHECK(model != NULL && strstr(model, "\"kind\":\"document\"") != NULL, "a document's model");
    s = vanthu_extract(real, join(out, "raw"), NULL, &j, &e);
    char *raw = ok("extract the raw attachments", s, j, e);
    /* The array of the extracted files' paths, in order. */
    static char files[16384];
    size_t used = 0;
    files[used++] = '[';
    for (const char *p = raw; p != NULL && (p = strstr(p, "\"file\":\"")) != NULL;) {
        p += strlen("\"file\":");
        const char *end = strchr(p + 1, '"');
        if (end == NULL || used + (size_t)(end - p) + 3 >= sizeof files) {
            break;
        }
        if (used > 1) {
            files[used++] = ',';
        }
        memcpy(files + used, p, (size_t)(end - p) + 1);
        used += (size_t)(end - p) + 1;
        p = end + 1;
    }
    files[used++] = ']';
    files[used] = '\0';
    vanthu_free(raw);
    CHECK(used > 2, "attachments extracted");
    s = vanthu_write(model, files, join(out, "written.edxml"), &j, &e);
    j = ok("write from the model and the extracted files", s, j, e);
    CHECK(json_string(first, "sha256", second, sizeof second) && j != NULL && strstr(j, second) != NULL,
          "written from the model: the bytes of normalize");
    CHECK(j != NULL && strstr(j, "\"kind\":\"document\"") != NULL, "write says the kind");
    vanthu_free(j);
    s = vanthu_inspect(join(out, "written.edxml"), &j, &e);
    save(out, "inspect_written.json", ok("inspect the written package", s, j, e));
    s = vanthu_write(model, "[]", join(out, "too-few.edxml"), &j, &e);
    fails("write with too few attachments", 1, s, j, e);
    s = vanthu_write(model, "[\"/nonexistent/vanthu.pdf\"]", join(out, "missing.edxml"), &j, &e);
    fails("write with a missing attachment", 2, s, j, e);
    FILE *missing = fopen(join(out, "missing.edxml"), "rb");
    CHECK(missing == NULL, "nothing written for a missing attachment");
    if (missing != NULL) {
        fclose(missing);
    }
    save(out, "model.json", model);
    s = vanthu_write("{\"kind\": \"document\",\n \"header\": 3}", NULL, join(out, "x.edxml"), &j, &e);
    CHECK(e != NULL && strstr(e, "\"line\":2") != NULL, "the line of a JSON error");
    fails("write from JSON that is not a model", 1, s, j, e);

    /* A package from a minimal model and the demo's PDF. */
    const char *minimal =
        "{\"kind\": \"document\", \"header\": {"
        "\"from\": {\"organ_id\": \"000.00.15.H47\", \"organ_name\": \"Bộ Lao động - Thương binh và Xã hội\"}, "
        "\"to\": [{\"organ_id\": \"000.00.00.A80\", \"organ_name\": \"Văn phòng Chính phủ\"}], "
        "\"document_id\": \"000.00.15.H47,2025/06/02,182/QĐ-LĐTBXH\", "
        "\"code\": {\"code_number\": \"182\", \"code_notation\": \"QĐ-LĐTBXH\"}, "
        "\"subject\": \"Về việc ban hành kế hoạch\", \"response_for\": []}, "
        "\"attachments\": [{\"content_id\": \"1\", \"attachment_name\": \"182-QD-LDTBXH.pdf\", "
        "\"content_type\": \"application/pdf\"}], \"attachment_encoded\": true}";
    char pdf_list[4200];
    snprintf(pdf_list, sizeof pdf_list, "[\"%s\"]", pdf);
    write_bytes(join(out, "minimal-model.json"), (const unsigned char *)minimal, strlen(minimal));
    s = vanthu_write(minimal, pdf_list, join(out, "minimal.edxml"), &j, &e);
    j = ok("write a minimal model with a PDF", s, j, e);
    CHECK(j != NULL && strstr(j, "\"document_id\":\"000.00.15.H47,2025/06/02,182/QĐ-LĐTBXH\"") != NULL,
          "write gives the document id");
    save(out, "write.json", j);
    s = vanthu_inspect(join(out, "minimal.edxml"), &j, &e);
    save(out, "inspect_minimal.json", ok("inspect the minimal package", s, j, e));

    /* The demo's signed PDF, verified against its root. */
    s = vanthu_verify_pdf(pdf, root, at, &j, &e);
    j = ok("verify_pdf", s, j, e);
    CHECK(j != NULL && strstr(j, "\"legal_value\":\"original\"") != NULL, "the PDF is an original");
    save(out, "verify.json", j);

    /* A workflow log, replayed; then the office, event by event. */
    s = vanthu_replay(join(demo, "sender/events.json"), NULL, &j, &e);
    save(out, "replay.json", ok("replay", s, j, e));
    VanthuOffice *office = NULL;
    s = vanthu_office_new("000.00.15.H47", NULL, &office, &e);
    CHECK(s == 0 && office != NULL && e == NULL, "office_new");
    s = vanthu_office_apply(office,
                            "{\"at\": \"2025-03-03T07:00:00+07:00\", \"type\": \"actor_added\", "
                            "\"actor\": {\"id\": \"clerk\", \"name\": \"Văn Thư\", \"roles\": [\"clerk\"]}}",
                            &j, &e);
    j = ok("office_apply", s, j, e);
    CHECK(j != NULL && strcmp(j, "[]") == 0, "no effect");
    vanthu_free(j);
    s = vanthu_office_apply(office,
                            "{\"at\": \"2025-03-03T07:00:00+07:00\", \"type\": \"actor_disabled\", \"actor\": \"nobody\"}",
                            &j, &e);
    fails("office_apply refused", 4, s, j, e);
    s = vanthu_office_apply(office, "{", &j, &e);
    fails("office_apply not JSON", 1, s, j, e);
    s = vanthu_office_snapshot(office, &j, &e);
    j = ok("office_snapshot", s, j, e);
    CHECK(j != NULL && strstr(j, "\"clerk\"") != NULL, "the clerk is in the office");
    vanthu_free(j);
    vanthu_office_free(office);
    s = vanthu_office_new("not an agency", NULL, &office, &e);
    CHECK(office == NULL, "no handle on error");
    fails("office_new bad id", 1, s, NULL, e);
    s = vanthu_office_snapshot(NULL, &j, &e);
    fails("office_snapshot NULL", 1, s, j, e);

    /* Archives. */
    s = vanthu_archive_pack(join(repo, "archive/tests/vectors/sip-hoso/spec.json"), join(out, "sip.zip"), NULL, &j,
                            &e);
    vanthu_free(ok("archive_pack", s, j, e));
    s = vanthu_archive_check(join(out, "sip.zip"), "{\"at\": \"2025-06-05\"}", &j, &e);
    j = ok("archive_check", s, j, e);
    CHECK(j != NULL && strstr(j, "\"conformant\":true") != NULL, "the package is conformant");
    vanthu_free(j);
    s = vanthu_retention(join(repo, "archive/tests/vectors/record.json"), "2030-01-01", 0, &j, &e);
    vanthu_free(ok("retention", s, j, e));

    /* Two-step signing: openssl stands in for the USB token. */
    char prepare_options[512];
    snprintf(prepare_options, sizeof prepare_options, "{\"at\": \"2025-06-05T09:00:00+07:00\"}");
    s = vanthu_sign_prepare(join(demo, "sender/183-LDTBXH-VP.signed.pdf"), join(demo, "pki/agency.cer"),
                            prepare_options, &j, &e);
    char *prepared = ok("sign_prepare", s, j, e);
    char digest_hex[200];
    unsigned char digest[64];
    size_t digest_len = 0;
    if (prepared != NULL && json_string(prepared, "digest", digest_hex, sizeof digest_hex)) {
        digest_len = unhex(digest_hex, digest, sizeof digest);
    }
    CHECK(digest_len == 32, "a SHA-256 digest to sign");
    write_bytes(join(out, "digest.bin"), digest, digest_len);
    char command[16384];
    snprintf(command, sizeof command,
             "openssl pkeyutl -sign -keyform DER -inkey '%s' -in '%s' -out '%s'",
             join(demo, "pki/agency.TEST-ONLY-private-key.der"), join(out, "digest.bin"), join(out, "sig.der"));
    CHECK(system(command) == 0, "openssl signs the digest");
    size_t sig_len = 0;
    unsigned char *sig = read_all(join(out, "sig.der"), &sig_len);
    s = vanthu_sign_finish(prepared, sig, sig_len, join(out, "signed.pdf"), &j, &e);
    vanthu_free(ok("sign_finish", s, j, e));
    s = vanthu_verify_pdf(join(out, "signed.pdf"), root, at, &j, &e);
    j = ok("verify the PDF signed in two steps", s, j, e);
    int passed = 0;
    for (const char *p = j; p != NULL && (p = strstr(p, "\"indication\":\"TOTAL_PASSED\"")) != NULL; p++) {
        passed++;
    }
    CHECK(passed == 3, "the new signature passes, as do the two before it");
    vanthu_free(j);
    /* A signature by another key: refused, nothing written. */
    s = vanthu_sign_finish(prepared, (const unsigned char *)"\x30\x06\x02\x01\x01\x02\x01\x01", 8,
                           join(out, "forged.pdf"), &j, &e);
    fails("sign_finish with a wrong signature", 9, s, j, e);
    FILE *forged = fopen(join(out, "forged.pdf"), "rb");
    CHECK(forged == NULL, "nothing written for a wrong signature");
    if (forged != NULL) {
        fclose(forged);
    }
    free(sig);
    vanthu_free(prepared);
    s = vanthu_sign_finish("{}", NULL, 0, join(out, "x.pdf"), &j, &e);
    fails("sign_finish bad JSON", 1, s, j, e);

    /* Error paths, one per code. */
    s = vanthu_identify(NULL, &j, &e);
    fails("NULL string", 1, s, j, e);
    s = vanthu_lunar("2025-01-\xff", &j, &e);
    fails("not UTF-8", 1, s, j, e);
    s = vanthu_due("2025-06-06", "{\"working_day\": 3}", &j, &e);
    fails("unknown option", 1, s, j, e);
    s = vanthu_text_fix(NULL, 3, NULL, &j, &e);
    fails("NULL buffer with a length", 1, s, j, e);
    s = vanthu_inspect("/nonexistent/vanthu.edxml", &j, &e);
    fails("missing file", 2, s, j, e);
    s = vanthu_inspect(pdf, &j, &e);
    fails("a PDF is not an edXML package", 3, s, j, e);
    s = vanthu_reply(real, "03", "000.00.00.A80", join(out, "refused.edxml"), NULL, &j, &e);
    fails("03 from the sender", 4, s, j, e);
    s = vanthu_verify_pdf(pdf, "[\"/nonexistent/root.cer\"]", NULL, &j, &e);
    fails("missing trust anchor", 5, s, j, e);
    s = vanthu_check(join(demo, "pki"), NULL, &j, &e);
    fails("nothing to check", 6, s, j, e);
    s = vanthu_lunar_to_solar("30/1/2025", true, &j, &e);
    fails("no such lunar date", 7, s, j, e);
    const unsigned char noise[] = {0xff, 0xfe, 0x00, 0x41};
    s = vanthu_text_fix(noise, sizeof noise, NULL, &j, &e);
    fails("unknown encoding", 8, s, j, e);
    s = vanthu_sign_prepare(pdf, join(demo, "pki/agency.cer"), "{\"at\": \"2040-01-01\"}", &j, &e);
    fails("certificate not valid then", 9, s, j, e);
    CHECK(vanthu_version(NULL, NULL) == 1, "NULL out-parameters");
    vanthu_free(NULL);
    vanthu_office_free(NULL);

    printf("%d checks, %d failed\n", checks, failures);
    return failures == 0 ? 0 : 1;
}
