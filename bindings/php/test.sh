#!/usr/bin/env bash
# Builds and tests the PHP binding: the PHPUnit tests (every call compared with
# the CLI's --json, the errors, bytes, the office, the README's example, the
# loop), then the shared harness of the bindings with the PHP driver.
#
# usage: bindings/php/test.sh
#   VANTHU_TARGET_DIR  a cargo target folder holding libvanthu_ffi.so and vanthu
#                      (.ci/run: target/debug); unset, both are built with
#                      `cargo build --release -p vanthu-ffi -p vanthu-cli`
#   VANTHU_LOOP_CALLS  the calls of the loop test (default 1000)
# Needs php (≥ 8.1, with FFI, mbstring and openssl), phpunit and python3, and
# the fixtures folder beside the repository: a missing one is a failure, not a
# skip.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$repo"
fail() { echo "php binding: $*" >&2; exit 1; }
for tool in php phpunit python3; do
  command -v "$tool" >/dev/null || fail "$tool is missing"
done
php -r 'exit(PHP_VERSION_ID >= 80100 ? 0 : 1);' || fail "PHP ≥ 8.1 is needed, not $(php -r 'echo PHP_VERSION;')"
# FFI for the binding; mbstring and openssl for the tests (legacy text, signing).
modules="$(php -m)"
for extension in FFI mbstring openssl; do
  grep -qx "$extension" <<<"$modules" || fail "the $extension extension of PHP is missing"
done

if [ -n "${VANTHU_TARGET_DIR:-}" ]; then
  target="$(cd "$VANTHU_TARGET_DIR" && pwd)"
else
  cargo build --release --locked -q -p vanthu-ffi -p vanthu-cli
  target="$repo/target/release"
fi
for file in libvanthu_ffi.so vanthu; do
  [ -f "$target/$file" ] || fail "$target/$file is not built"
done
export VANTHU_TARGET_DIR="$target" VANTHU_LIB="$target/libvanthu_ffi.so" VANTHU_CLI="$target/vanthu"

# ffi.enable=1: FFI in any SAPI; Debian's default (preload) allows it on the
# command line only, which is where the tests run, but php.ini may turn it off.
php -d ffi.enable=1 "$(command -v phpunit)" -c "$here/phpunit.xml.dist"

harness="$repo/bindings/harness/run.py"
[ -f "$harness" ] || fail "the shared harness $harness is missing"
python3 "$harness" --name php --cli "$VANTHU_CLI" --empty-containers-equal -- php -d ffi.enable=1 "$here/tests/driver.php"
