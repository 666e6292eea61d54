'use strict';
// The file name of the native addon for this platform, which index.js loads
// and test.sh writes: `vanthu.linux-x64-gnu.node`, `vanthu.darwin-arm64.node`, ...

function addonName() {
  const { platform, arch } = process;
  if (platform !== 'linux') return `vanthu.${platform}-${arch}.node`;
  const glibc = process.report?.getReport?.().header?.glibcVersionRuntime;
  return `vanthu.${platform}-${arch}-${glibc ? 'gnu' : 'musl'}.node`;
}

module.exports = { addonName };
