#!/usr/bin/env bash
# The bindings' loop at full count: 10,000 calls in each language (a package
# read and checked, a bad input caught as the language's exception, an office
# opened and closed), on the release build. Each binding's loop test fails if
# resident memory grows by more than 16 MiB after the first tenth of the calls;
# this script prints the line each one reports, for benches/README.md.
#
# usage: benches/bindings.sh [LANG...]   (default: python java dotnet php node)
#   VANTHU_LOOP_CALLS  calls per language (default 10000)
#   VANTHU_PYTHON      a Python whose venv has the package (pip install ./bindings/python) and pytest
# CI runs the same loops with 1,000 calls (Java 3,000), through each binding's test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
export VANTHU_LOOP_CALLS="${VANTHU_LOOP_CALLS:-10000}"
langs=("$@")
[ ${#langs[@]} -gt 0 ] || langs=(python java dotnet php node)
cargo build -q --release --locked -p vanthu-ffi -p vanthu-cli
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
for lang in "${langs[@]}"; do
  echo "== $lang: $VANTHU_LOOP_CALLS calls"
  if [ "$lang" = python ]; then
    VANTHU_CLI="$(pwd)/target/release/vanthu" "${VANTHU_PYTHON:-python3}" -m pytest -q -s \
      -p no:cacheprovider bindings/python/tests/test_loop.py | tee -a "$log"
  else
    # The binding's whole suite, its loop at full count; the release library.
    VANTHU_TARGET_DIR="$(pwd)/target/release" "bindings/$lang/test.sh" 2>&1 | tee -a "$log"
  fi
done
echo
echo "== the loops"
grep -E '^loop [a-z#]+: ' "$log"
[ "$(grep -cE '^loop [a-z#]+: ' "$log")" -ge ${#langs[@]} ] || { echo "a binding printed no loop line" >&2; exit 1; }
