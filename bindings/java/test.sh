#!/usr/bin/env bash
# Builds the Java binding from a clean checkout and runs its tests:
#   1. the native library (cargo build -p vanthu-java) into VANTHU_TARGET_DIR
#      (e.g. target/debug, the build CI shares), or target/release when unset;
#   2. the classes (javac, Java 17), then vanthu.jar with the native library inside
#      (native/linux-x86_64/libvanthu_java.so);
#   3. the JUnit 5 tests (Debian's junit5) against the jar, with nothing on
#      java.library.path, so that loading the library from the jar is tested;
#   4. the shared harness (bindings/harness/run.py) with the Java driver.
# Needs: cargo, a JDK 17+ (javac, jar, javadoc, java), junit5, python3 and
# the fixtures folder beside the repository; it builds the CLI it compares with.
# Exits non-zero on any failure; a missing tool is a failure, not a skip.
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$(pwd)"

export CARGO_TERM_COLOR=never
profile_flag=(--release)
target="target/release"
if [ -n "${VANTHU_TARGET_DIR:-}" ]; then
  target="${VANTHU_TARGET_DIR%/}"
  case "$(basename "$target")" in
    release) profile_flag=(--release) ;;
    debug) profile_flag=() ;;
    *) echo "VANTHU_TARGET_DIR must end with debug or release: $target" >&2; exit 2 ;;
  esac
fi
case "$target" in
  /*) ;;
  *) target="$root/$target" ;;
esac
export CARGO_TARGET_DIR
CARGO_TARGET_DIR="$(dirname "$target")"

junit=/usr/share/java/junit-platform-console-standalone.jar
for tool in cargo javac jar javadoc java python3; do
  command -v "$tool" >/dev/null || { echo "test.sh: $tool is missing" >&2; exit 1; }
done
[ -f "$junit" ] || { echo "test.sh: $junit is missing (apt-get install junit5)" >&2; exit 1; }

echo "== native library: cargo build ${profile_flag[*]} -p vanthu-java (into $target)"
cargo build -q --locked "${profile_flag[@]}" -p vanthu-java
# The CLI the tests compare with, built alone as .ci/run builds it (up to
# date there, so nothing is rebuilt).
cargo build -q --locked "${profile_flag[@]}" -p vanthu-cli
lib="$target/libvanthu_java.so"
[ -f "$lib" ] || { echo "test.sh: $lib was not built" >&2; exit 1; }

out="$target/java"
rm -rf "$out"
mkdir -p "$out/classes/native/linux-x86_64" "$out/test-classes"

echo "== javac (release 17), vanthu.jar, javadoc"
javac --release 17 -Xlint:all -Werror -encoding UTF-8 -d "$out/classes" bindings/java/src/vn/vanthu/*.java
cp "$lib" "$out/classes/native/linux-x86_64/libvanthu_java.so"
# A stable module name for users on the module path.
printf 'Automatic-Module-Name: vn.vanthu\nImplementation-Title: vanthu\n' > "$out/manifest.txt"
jar --create --file "$out/vanthu.jar" --manifest "$out/manifest.txt" -C "$out/classes" .
# The API's documentation must be valid (doclint; the prose says what @param would).
javadoc -quiet -Werror -Xdoclint:all,-missing -d "$out/javadoc" bindings/java/src/vn/vanthu/*.java
javac --release 17 -Xlint:all -Werror -encoding UTF-8 -d "$out/test-classes" \
  -cp "$out/vanthu.jar:$junit" bindings/java/tests/vn/vanthu/*.java

properties=(-Dvanthu.root="$root" -Dvanthu.cli="$target/vanthu" -Dvanthu.jar="$out/vanthu.jar")
echo "== JUnit 5 against vanthu.jar (the library loaded from the jar; JNI use checked by -Xcheck:jni)"
log="$out/junit.log"
status=0
java -Xcheck:jni "${properties[@]}" \
  -jar "$junit" --disable-banner --details=summary --fail-if-no-tests \
  --class-path "$out/vanthu.jar:$out/test-classes" --select-package vn.vanthu \
  --include-classname '.*Test' --exclude-classname '.*LoopTest' 2>&1 | tee "$log" || status=$?
[ "$status" -eq 0 ] || { echo "test.sh: the JUnit tests failed" >&2; exit 1; }
if grep -q "WARNING in native method" "$log"; then
  echo "test.sh: -Xcheck:jni found a misuse of JNI (see $log)" >&2
  exit 1
fi

echo "== the loop, in a JVM of its own with a fixed heap touched at start (its growth is not a leak)"
status=0
java -Xcheck:jni -Xms256m -Xmx256m -XX:+AlwaysPreTouch "${properties[@]}" \
  -jar "$junit" --disable-banner --details=summary --fail-if-no-tests \
  --class-path "$out/vanthu.jar:$out/test-classes" --select-class vn.vanthu.LoopTest 2>&1 | tee "$log" || status=$?
[ "$status" -eq 0 ] || { echo "test.sh: the loop test failed" >&2; exit 1; }
if grep -q "WARNING in native method" "$log"; then
  echo "test.sh: -Xcheck:jni found a misuse of JNI (see $log)" >&2
  exit 1
fi

echo "== JUnit 5: the same library found on java.library.path instead"
java "${properties[@]}" -Djava.library.path="$target" -Dvanthu.library=java.library.path \
  -jar "$junit" --disable-banner --details=summary --fail-if-no-tests \
  --class-path "$out/vanthu.jar:$out/test-classes" --select-class vn.vanthu.CallsTest

echo "== shared harness: bindings/harness/run.py --name java"
python3 bindings/harness/run.py --name java --cli "$target/vanthu" -- \
  java -cp "$out/vanthu.jar:$out/test-classes" vn.vanthu.HarnessDriver
