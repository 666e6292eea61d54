#!/usr/bin/env bash
# Builds the Node addon and runs the binding's tests, as CI does:
#
#   1. builds the crate vanthu-node (and the CLI the tests compare with):
#      into the profile of VANTHU_TARGET_DIR when it is set (CI passes
#      target/debug, reusing the build of the C ABI and the CLI), with
#      `--release` into target/release when it is not;
#   2. copies the library to the addon index.js loads
#      (vanthu.linux-x64-gnu.node on this machine);
#   3. installs the pinned TypeScript compiler and Node types from npm into
#      this folder's node_modules and type-checks against index.d.ts
#      (`tsc --noEmit`) tests/types.ts, a program using every call, and the
#      results of every call on real inputs (tests/shapes.js writes them);
#   4. runs the tests (`node --test`): every call against the CLI's --json,
#      errors, Buffers, the Office, the async calls, the README example, the
#      loop of VANTHU_LOOP_CALLS calls (default 1000);
#   5. runs the shared harness of the bindings with the Node driver.
#
# Needs node (>= 18), npm, cargo and python3, and the real packages of the
# fixtures folder beside the repository (the tests and the harness read
# them there). Anything missing is a failure.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$repo"

for tool in node npm cargo python3; do
  command -v "$tool" >/dev/null || { echo "node binding: $tool is missing" >&2; exit 1; }
done
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" -ge 18 ] || { echo "node binding: Node >= 18 is needed, found $(node --version)" >&2; exit 1; }

if [ -n "${VANTHU_TARGET_DIR:-}" ]; then
  target="$(cd "$VANTHU_TARGET_DIR" && pwd)"
  case "$(basename "$target")" in
    debug) profile=dev ;;
    *) profile="$(basename "$target")" ;;
  esac
  CARGO_TARGET_DIR="$(dirname "$target")" cargo build -q --locked --profile "$profile" -p vanthu-node -p vanthu-cli
else
  target="$repo/target/release"
  cargo build -q --locked --release -p vanthu-node -p vanthu-cli
fi

addon="$(node -p "require('$here/platform.js').addonName()")"
case "$(uname -s)" in
  Darwin) library="$target/libvanthu_node.dylib" ;;
  *) library="$target/libvanthu_node.so" ;;
esac
cp "$library" "$here/$addon"
echo "node binding: $addon from $library"

export VANTHU_CLI="$target/vanthu"

# TypeScript: the declarations type-check, a program using every call does,
# and so do the results of every call on real inputs, written as constants of
# the declared types (an undeclared key, a missing one or another type fails).
(cd "$here" && npm install --silent --no-save --no-package-lock --no-audit --no-fund \
  typescript@5.9.3 @types/node@20.19.43)
tsc="$here/node_modules/.bin/tsc"
"$tsc" --noEmit -p "$here/tests/tsconfig.json"
node "$here/tests/shapes.js"
"$tsc" --noEmit -p "$here/tests/tsconfig.shapes.json"
echo "node binding: index.d.ts, tests/types.ts and the results of every call type-check (tsc $("$tsc" --version | cut -d' ' -f2))"
node --test --test-reporter=spec "$here"/tests/*.test.js

# The shared harness: the same cases through the driver and the CLI, compared.
python3 "$repo/bindings/harness/run.py" --name node --cli "$target/vanthu" -- node "$here/tests/driver.js"
