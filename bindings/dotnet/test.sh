#!/usr/bin/env bash
# Builds the .NET binding with Mono (mcs) from a clean checkout and runs its tests and the shared harness; exits
# non-zero on any failure, and fails (never skips) when a tool it needs is missing.
#
#   VANTHU_TARGET_DIR  a folder holding libvanthu_ffi.so and the vanthu CLI (CI: target/debug, built once);
#                      unset: `cargo build --release -p vanthu-ffi -p vanthu-cli`, then target/release
#   VANTHU_LOOP_CALLS  the calls of the loop test (default 1000)
#
# The tests read the real packages of the fixtures folder beside the repository.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"

for tool in mcs mono python3 openssl; do
  if ! command -v "$tool" >/dev/null; then
    echo "test.sh: $tool is missing (Debian: apt-get install mono-mcs mono-runtime python3 openssl)" >&2
    exit 1
  fi
done

if [ -z "${VANTHU_TARGET_DIR:-}" ]; then
  cargo build --release -p vanthu-ffi -p vanthu-cli --locked
  VANTHU_TARGET_DIR=target/release
fi
target="$(cd "$VANTHU_TARGET_DIR" && pwd)"
for file in libvanthu_ffi.so vanthu; do
  if [ ! -f "$target/$file" ]; then
    echo "test.sh: $target/$file is missing: build vanthu-ffi and vanthu-cli first" >&2
    exit 1
  fi
done

out="$root/target/dotnet"
rm -rf "$out"
mkdir -p "$out"
echo "mcs: $(mcs --version); $(mono --version | head -1)"
mcs -target:library -warnaserror -out:"$out/Vanthu.dll" -recurse:'bindings/dotnet/src/*.cs'
mcs -target:exe -warnaserror -out:"$out/Vanthu.Tests.exe" -r:"$out/Vanthu.dll" -r:System.Core.dll \
  bindings/dotnet/tests/*.cs

export LD_LIBRARY_PATH="$target${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
export VANTHU_CLI="$target/vanthu"
mono --debug "$out/Vanthu.Tests.exe"

# The shared harness: the same cases through the C# driver and the CLI, compared value for value.
if [ ! -f bindings/harness/run.py ]; then
  echo "test.sh: the shared harness bindings/harness/run.py is missing" >&2
  exit 1
fi
python3 bindings/harness/run.py --name dotnet --cli "$target/vanthu" -- mono --debug "$out/Vanthu.Tests.exe" driver
