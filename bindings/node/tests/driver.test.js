'use strict';
// The harness driver (driver.js) runs every call of the harness's cases file
// and writes what the binding returned: each result is compared here with
// the CLI's --json, each error with its code and kind. (The shared harness,
// bindings/harness/run.py, runs the driver on its own, larger set of cases;
// test.sh runs it.)

const test = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const { ROOT, AT, SAMPLES, tmp, cliJson, runCli, demo } = require('./helpers');

test('the driver runs every call of the harness; its values are the CLI --json', () => {
  const dir = demo();
  const work = tmp();
  const out = path.join(work, 'out');
  const trust = path.join(dir, 'pki', 'root.cer');
  const pdf = path.join(dir, 'sender', '182-QD-LDTBXH.signed.pdf');
  const received = path.join(dir, 'unit1', 'received', '182-QD-LDTBXH.edxml');
  const real = path.join(SAMPLES, 'edoc_new.edxml');
  const log = path.join(dir, 'unit1', 'events.json');
  const spec = path.join(ROOT, 'archive', 'tests', 'vectors', 'sip-hoso', 'spec.json');
  const sip = path.join(dir, 'unit1', 'archive', '000.01.15.H47.2025.01.TH.zip');
  const events = JSON.parse(fs.readFileSync(log, 'utf8'));
  const eventList = (Array.isArray(events) ? events : events.events).map((e) => JSON.stringify(e));
  const replayed = cliJson(['replay', log]);
  // name, call and arguments; the CLI's arguments (or null: no CLI command); its exit codes.
  const cases = [
    ['version', ['version'], null],
    ['rules', ['rules'], ['rules']],
    ['identify', ['identify', '182/QĐ-LĐTBXH'], ['id', '182/QĐ-LĐTBXH'], (v) => v[0]],
    ['inspect', ['inspect', real], ['inspect', real]],
    ['model', ['model', real], null],
    ['check', ['check', dir, `@trust=${trust}`, `@at=${AT}`], ['check', dir, '--trust', trust, '--at', AT]],
    ['check_strict', ['check', real, `@at=${AT}`, '@strict=true'], ['check', real, '--at', AT, '--strict']],
    ['check_bytes', ['check_bytes', real, real, `@at=${AT}`], ['check', real, '--at', AT], (v) => v[0]],
    ['verify_pdf', ['verify_pdf', pdf, trust, `@at=${AT}`], ['verify', pdf, '--trust', trust, '--at', AT]],
    [
      'reply',
      ['reply', received, '03', '000.01.15.H47', path.join(work, 'ours.edxml'), `@at=${AT}`],
      [
        'reply',
        received,
        '--status',
        '03',
        '--from',
        '000.01.15.H47',
        '--at',
        AT,
        '--output',
        path.join(work, 'theirs.edxml'),
      ],
    ],
    ['replay', ['replay', log], ['replay', log]],
    ['archive_check', ['archive_check', sip, `@at=${AT}`], ['archive', 'check', sip, '--at', AT]],
    [
      'archive_pack',
      ['archive_pack', spec, path.join(work, 'ours.zip')],
      ['archive', 'pack', spec, '--output', path.join(work, 'theirs.zip')],
    ],
    [
      'normalize',
      ['normalize', real, path.join(work, 'ours-n.edxml')],
      ['normalize', real, '--output', path.join(work, 'theirs-n.edxml')],
    ],
    ['calendar', ['calendar', '2025'], ['calendar', '2025']],
    ['lunar', ['lunar', '2025-01-29'], ['lunar', '2025-01-29']],
    [
      'due',
      ['due', '2025-04-28T10:00:00+07:00', '@working_days=3'],
      ['due', '--from', '2025-04-28T10:00:00+07:00', '--working-days', '3'],
    ],
    ['office', ['office', replayed.state.agency, ...eventList], null],
    ['error_unreadable', ['inspect', pdf], null],
    [
      'error_refused',
      ['office', '000.00.15.H47', '{"at": "2025-03-03T07:00:00+07:00", "type": "actor_disabled", "actor": "nobody"}'],
      null,
    ],
  ];
  const casesFile = path.join(work, 'cases.tsv');
  fs.writeFileSync(casesFile, cases.map(([name, fields]) => [name, ...fields].join('\t')).join('\n') + '\n');
  const done = spawnSync(process.execPath, [path.join(__dirname, 'driver.js'), casesFile, out], { encoding: 'utf8' });
  assert.equal(done.status, 0, done.stderr);
  const read = (name) => JSON.parse(fs.readFileSync(path.join(out, `${name}.json`), 'utf8'));
  const dropFile = (value) =>
    value && typeof value === 'object' && 'file' in value ? { ...value, file: null } : value;
  for (const [name, , cli, pick = (v) => v] of cases) {
    if (!cli) continue;
    const theirs = pick(cliJson(cli, [0, 1]));
    assert.deepStrictEqual(dropFile(read(name).ok), dropFile(theirs), name);
  }
  assert.equal(read('version').ok, runCli(['--version']).stdout.trim().split(' ').pop());
  assert.deepStrictEqual(read('office').ok, replayed.state);
  assert.deepStrictEqual(read('model').ok, JSON.parse(runCli(['inspect', real, '--model']).stdout));
  assert.deepStrictEqual(
    fs.readFileSync(path.join(work, 'ours.edxml')),
    fs.readFileSync(path.join(work, 'theirs.edxml')),
  );
  assert.deepStrictEqual(fs.readFileSync(path.join(work, 'ours.zip')), fs.readFileSync(path.join(work, 'theirs.zip')));
  const unreadable = read('error_unreadable').error;
  assert.deepStrictEqual([unreadable.code, unreadable.kind], [3, 'unreadable']);
  assert.ok(unreadable.message && unreadable.message_vi && !('rule' in unreadable));
  const refused = read('error_refused').error;
  assert.deepStrictEqual([refused.code, refused.kind, refused.rule], [4, 'refused', 'WF-ACT-001']);
});

test('the driver fails on a call it does not know', () => {
  const work = tmp();
  fs.writeFileSync(path.join(work, 'cases.tsv'), 'x\tno_such_call\n');
  const done = spawnSync(process.execPath, [path.join(__dirname, 'driver.js'), path.join(work, 'cases.tsv'), work], {
    encoding: 'utf8',
  });
  assert.equal(done.status, 1);
  assert.match(done.stderr, /unknown call "no_such_call"/);
});
