#!/usr/bin/env node
'use strict';
// The Node driver of the shared harness of the bindings (bindings/harness):
//
//   node driver.js CASES OUT
//
// CASES is UTF-8 text, one case per line, fields separated by one TAB: the
// case's name, the call (docs/bindings.md's snake_case name), then its
// arguments: `@key=value` is an option (`true`/`false` for booleans, digits
// for numbers; an option given twice is an array), the
// others are positional strings. For each case the driver writes
// OUT/<name>.json: `{"ok": VALUE}`, VALUE being what the binding returned,
// written back to JSON, or `{"error": {...}}`, the VanthuError as
// docs/bindings.md §2 writes it. It exits 0 when every case was run (an
// error recorded is not a failure of the driver), 1 on anything else.

const fs = require('node:fs');
const path = require('node:path');

const vanthu = require('..');

function optionValue(text) {
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (/^\d+$/.test(text)) return Number(text);
  return text;
}

/** A case's positional arguments and its options object. */
function parse(fields) {
  const positional = [];
  const options = {};
  for (const field of fields) {
    const option = /^@([a-z_0-9]+)=(.*)$/s.exec(field);
    if (!option) {
      positional.push(field);
      continue;
    }
    const [, key, text] = option;
    const value = optionValue(text);
    if (!(key in options)) options[key] = value;
    else if (Array.isArray(options[key])) options[key].push(value);
    else options[key] = [options[key], value];
  }
  return { positional, options: Object.keys(options).length ? options : undefined };
}

/** What each call of the harness does with the binding. */
const CALLS = {
  version: () => vanthu.version(),
  rules: () => vanthu.rules(),
  identify: ([text]) => vanthu.identify(text),
  inspect: ([file]) => vanthu.inspect(file),
  model: ([file]) => vanthu.model(file),
  check: ([file], options) => vanthu.check(file, options),
  check_bytes: ([name, file], options) => vanthu.checkBytes(name, fs.readFileSync(file), options),
  verify_pdf: ([file, trust], options) => vanthu.verifyPdf(file, trust, options),
  reply: ([file, status, from, output], options) => vanthu.reply(file, status, from, output, options),
  replay: ([log], options) => vanthu.replay(log, options),
  archive_check: ([file], options) => vanthu.archiveCheck(file, options),
  archive_pack: ([spec, output], options) => vanthu.archivePack(spec, output, options),
  normalize: ([file, output]) => vanthu.normalize(file, output),
  calendar: ([year]) => vanthu.calendar(Number(year)),
  lunar: ([date]) => vanthu.lunar(date),
  due: ([start], options) => vanthu.due(start, options),
  office: ([agency, ...events], options) => {
    const office = new vanthu.Office(agency, options);
    try {
      for (const event of events) office.apply(event);
      return office.snapshot();
    } finally {
      office.close();
    }
  },
};

function main([casesPath, outDir]) {
  if (!casesPath || !outDir) throw new Error('usage: node driver.js CASES OUT');
  fs.mkdirSync(outDir, { recursive: true });
  const lines = fs.readFileSync(casesPath, 'utf8').split('\n');
  let ran = 0;
  for (const line of lines) {
    if (line.trim() === '') continue;
    const [name, call, ...fields] = line.split('\t');
    const run = CALLS[call];
    if (!run) throw new Error(`case ${name}: unknown call ${JSON.stringify(call)}`);
    const { positional, options } = parse(fields);
    let outcome;
    try {
      outcome = { ok: run(positional, options) };
    } catch (error) {
      if (!(error instanceof vanthu.VanthuError)) throw new Error(`case ${name}: ${error.stack}`);
      outcome = { error: error.toJSON() };
    }
    fs.writeFileSync(path.join(outDir, `${name}.json`), JSON.stringify(outcome));
    ran++;
  }
  return ran;
}

try {
  const ran = main(process.argv.slice(2));
  process.stderr.write(`node driver: ${ran} cases\n`);
} catch (error) {
  process.stderr.write(`node driver: ${error.message}\n`);
  process.exit(1);
}
