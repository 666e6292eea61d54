'use strict';
// Shared by the tests: the CLI they compare with (VANTHU_CLI, or
// target/debug/vanthu), the real packages of the fixtures folder beside the
// repository (VANTHU_FIXTURES), and a `vanthu demo` folder. A missing CLI or
// fixtures folder fails the tests: a test that cannot compare must not pass.

const assert = require('node:assert/strict');
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..', '..');
// The instant the comparisons are made at: the demo's documents are valid then.
const AT = '2025-06-03T09:00:00+07:00';

const CLI = process.env.VANTHU_CLI || path.join(ROOT, 'target', 'debug', 'vanthu');
assert.ok(fs.existsSync(CLI), `the vanthu CLI is not built at ${CLI}: run \`cargo build -p vanthu-cli\` first`);

const FIXTURES = process.env.VANTHU_FIXTURES || path.join(ROOT, '..', 'shared', 'fixtures');
assert.ok(
  fs.existsSync(path.join(FIXTURES, 'vpcp-samples')),
  `the real packages are not at ${FIXTURES} (the fixtures folder beside the repository)`,
);
const SAMPLES = path.join(FIXTURES, 'vpcp-samples');

/** A new temporary folder, removed when the process exits. */
function tmp(prefix = 'vanthu-node-') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Runs the CLI: its exit code, standard output and standard error. */
function runCli(args, cwd = ROOT) {
  const done = spawnSync(CLI, args, { cwd, encoding: 'utf8', timeout: 300_000, maxBuffer: 1 << 28 });
  if (done.error) throw done.error;
  return { code: done.status, stdout: done.stdout, stderr: done.stderr };
}

/** The JSON the CLI prints for `args` (`--json` is added). */
function cliJson(args, codes = [0, 1]) {
  const { code, stdout, stderr } = runCli([...args, '--json']);
  assert.ok(codes.includes(code), `vanthu ${args.join(' ')} exited ${code}: ${stderr}`);
  return JSON.parse(stdout);
}

let demoDir;
/** The output of `vanthu demo`: packages, signed PDFs, the test PKI, event logs. */
function demo() {
  if (!demoDir) {
    demoDir = path.join(tmp('vanthu-demo-'), 'demo');
    execFileSync(CLI, ['demo', '--out', demoDir], { stdio: 'ignore' });
  }
  return demoDir;
}

module.exports = { ROOT, AT, CLI, FIXTURES, SAMPLES, tmp, runCli, cliJson, demo };
