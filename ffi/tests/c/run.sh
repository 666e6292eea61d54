#!/usr/bin/env bash
# The C test of the C ABI, as CI runs it: builds test_vanthu.c with the
# system `cc` against the static library, runs it under valgrind (zero
# leaks, zero errors), and compares what it got through the ABI with what
# the CLI prints with --json for the same inputs: a real package inspected,
# checked, written back from its model and answered with a 03 status, a signed PDF verified, a workflow
# log replayed, and the calendar and text commands.
#
# usage: ffi/tests/c/run.sh TARGET_DIR FIXTURES
#   TARGET_DIR  where `cargo build -p vanthu-ffi -p vanthu-cli` wrote
#               libvanthu_ffi.a and vanthu (target/debug)
#   FIXTURES    the real packages (../shared/fixtures)
# Needs cc, valgrind, openssl and python3: a missing one is a failure.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
target="$(cd "$1" && pwd)"
fixtures="$(cd "$2" && pwd)"
for tool in cc valgrind openssl python3; do
  command -v "$tool" >/dev/null || { echo "ffi C test: $tool is missing" >&2; exit 1; }
done
[ -f "$fixtures/vpcp-samples/edoc_new.edxml" ] || { echo "ffi C test: no fixtures in $fixtures" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
vanthu="$target/vanthu"

ms() { echo $(($(date +%s%N) / 1000000)); }
start=$(ms)
cc -std=c11 -Wall -Wextra -Werror -O1 -g "$here/test_vanthu.c" -I"$repo/ffi/include" \
  "$target/libvanthu_ffi.a" -lpthread -ldl -lm -o "$work/test_vanthu"
compiled=$(ms)

"$vanthu" demo --out "$work/demo" >/dev/null
mkdir "$work/out" "$work/cli"
valgrind -q --leak-check=full --show-leak-kinds=definite,indirect,possible \
  --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=1 \
  --suppressions="$here/valgrind.supp" \
  "$work/test_vanthu" "$repo" "$fixtures" "$work/demo" "$work/out"
ran=$(ms)

# The same inputs through the CLI (exit 1 is a verdict, not a failure).
cli() { # name, then the command's arguments
  local name="$1" status=0
  shift
  "$vanthu" "$@" >"$work/cli/$name" 2>>"$work/cli/stderr.txt" || status=$?
  [ "$status" -le 1 ] || { echo "vanthu $*: exit $status" >&2; cat "$work/cli/stderr.txt" >&2; exit 1; }
}
at="2025-06-05T12:00:00+07:00"
real="$fixtures/vpcp-samples/edoc_new.edxml"
cli inspect.json inspect --json "$real"
cli check.json check --json --at "$at" "$real"
cli reply.json reply "$real" --status 03 --from 28.22.H17 --at 2025-06-03T09:00:00+07:00 \
  -o "$work/cli/status-03.edxml" --json
cli normalize.json normalize "$real" -o "$work/out/normalized.edxml" --json
cli extract.json extract "$real" -o "$work/out/extracted" --unzip --json
# The model, and what the C test wrote with vanthu_write, read back by the CLI.
cli model.json inspect --model "$real"
cli write.json write "$work/out/minimal-model.json" "$work/demo/sender/182-QD-LDTBXH.signed.pdf" \
  -o "$work/cli/minimal.edxml" --json
cli inspect_written.json inspect --json "$work/out/written.edxml"
cli inspect_minimal.json inspect --json "$work/out/minimal.edxml"
cli verify.json verify --json --trust "$work/demo/pki/root.cer" --at "$at" \
  "$work/demo/sender/182-QD-LDTBXH.signed.pdf"
cli replay.json replay --json "$work/demo/sender/events.json"
cli lunar.json lunar --json 2025-01-29
cli calendar.json calendar --json 2025
cli due.json due --json --from 2025-06-06T16:00 --rule issue --next-day morning
cli text_check.json text check --json "$work/out/text.txt"

python3 - "$work/out" "$work/cli" <<'PY'
import json, pathlib, sys
out, cli = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
names = sorted(p.name for p in cli.glob("*.json"))
failed = []
for name in names:
    got, want = json.loads((out / name).read_text()), json.loads((cli / name).read_text())
    if name in ("reply.json", "normalize.json", "write.json"):
        # Written to different paths; the same bytes.
        got.pop("file"); want.pop("file")
    if got != want:
        failed.append(name)
print(f"C ABI vs CLI --json: {len(names) - len(failed)}/{len(names)} equal ({', '.join(names)})")
if failed:
    sys.exit(f"different: {', '.join(failed)}")
PY
end=$(ms)
echo "ffi C test: compile $((compiled - start)) ms, run under valgrind $((ran - compiled)) ms, CLI and compare $((end - ran)) ms"
