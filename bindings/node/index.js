'use strict';
// The `vanthu` package: the functions of docs/bindings.md over the native
// addon (napi-rs, `src/lib.rs`). This file loads the addon for this platform,
// turns the arguments Node users pass (file: URLs, `Date`s, options objects
// with `undefined` values, any typed array) into the plain ones the addon
// takes, and makes the addon's errors `VanthuError`s. Results come from the
// addon as they are: plain objects built natively, with the keys of the CLI's
// `--json`.

const { fileURLToPath } = require('node:url');
const { addonName } = require('./platform');

const native = (() => {
  const name = addonName();
  try {
    return require(`./${name}`);
  } catch (error) {
    if (error.code !== 'MODULE_NOT_FOUND') throw error;
    throw new Error(
      `vanthu: no native addon ${name} for this platform in ${__dirname}; build it from the ` +
        'repository: `cargo build --release -p vanthu-node`, then copy ' +
        `target/release/libvanthu_node.so (.dylib on macOS, vanthu_node.dll on Windows) to ${name} ` +
        '(bindings/node/test.sh does both)',
    );
  }
})();

/**
 * An error of vanthu: `code` is the stable number of docs/bindings.md §2,
 * `kind` its name, `rule` the rule that refused the input and `location`
 * where in the input (both `null` when unknown), `messageVi` the message in
 * Vietnamese.
 */
class VanthuError extends Error {
  constructor(fields) {
    super(fields.message);
    this.code = fields.code;
    this.kind = fields.kind;
    this.messageVi = fields.message_vi ?? fields.messageVi ?? '';
    this.rule = fields.rule ?? null;
    this.location = fields.location ?? null;
  }

  get name() {
    return 'VanthuError';
  }

  /** The error as docs/bindings.md §2 writes it (the C ABI's and the CLI's JSON). */
  toJSON() {
    const json = { code: this.code, kind: this.kind, message: this.message, message_vi: this.messageVi };
    if (this.rule !== null) json.rule = this.rule;
    if (this.location !== null) json.location = this.location;
    return json;
  }
}

/** The addon's error (an `Error` with the facade's fields) as a `VanthuError`. */
function adopt(error) {
  if (!(error instanceof Error) || typeof error.code !== 'number' || typeof error.kind !== 'string') {
    return error;
  }
  const adopted = new VanthuError(error);
  // The addon's frames, under this error's name.
  const stack = typeof error.stack === 'string' ? error.stack : '';
  const frames = stack.indexOf('\n') < 0 ? '' : stack.slice(stack.indexOf('\n'));
  adopted.stack = `VanthuError: ${error.message}${frames}`;
  return adopted;
}

/** Runs `call` (the addon called now), throwing a `VanthuError` on an error of vanthu. */
function now(call) {
  try {
    return call();
  } catch (error) {
    throw adopt(error);
  }
}

/**
 * Runs `call` with `true` (the addon's last argument: run on libuv's thread
 * pool and return a Promise): that Promise, rejected with a `VanthuError`, or
 * with the `TypeError` of an argument (the Async forms never throw).
 */
function later(call) {
  try {
    return call(true).catch((error) => {
      throw adopt(error);
    });
  } catch (error) {
    return Promise.reject(adopt(error));
  }
}

function typeName(value) {
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  return value.constructor?.name ?? 'object';
}

/** A path: a string or a file: URL. */
function path(value, name) {
  if (typeof value === 'string') return value;
  if (value instanceof URL) return fileURLToPath(value);
  throw new TypeError(`${name} must be a path (a string or a file: URL), not ${typeName(value)}`);
}

/** One path or an array of them, as an array. */
function paths(value, name) {
  if (Array.isArray(value)) return value.map((item, i) => path(item, `${name}[${i}]`));
  return [path(value, name)];
}

/** A time: a string (RFC 3339, `YYYY-MM-DD`, ...) or a `Date`. */
function time(value, name) {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  throw new TypeError(`${name} must be a string or a Date, not ${typeName(value)}`);
}

/** Bytes: a `Uint8Array` (a `Buffer` is one), any other typed array, a DataView or an ArrayBuffer. */
function bytes(value, name) {
  if (value instanceof Uint8Array) return value;
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  if (value instanceof ArrayBuffer || value instanceof SharedArrayBuffer) return new Uint8Array(value);
  throw new TypeError(`${name} must be a Buffer or Uint8Array, not ${typeName(value)}`);
}

/** A value of an options object or a model, made plain: `Date`s and URLs as strings. */
function plain(value) {
  if (value instanceof Date) return value.toISOString();
  if (value instanceof URL) return fileURLToPath(value);
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'object' && value !== null && !ArrayBuffer.isView(value)) {
    const out = {};
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined && item !== null) out[key] = plain(item);
    }
    return out;
  }
  return value;
}

/** An options object: its keys left as docs/bindings.md names them; `undefined` and `null` values are defaults. */
function options(value) {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new TypeError(`options must be an object, not ${typeName(value)}`);
  }
  return plain(value);
}

function string(value, name) {
  if (typeof value === 'string') return value;
  throw new TypeError(`${name} must be a string, not ${typeName(value)}`);
}

// Each call, and its Promise form for those that read files, verify
// signatures or replay logs.

const version = () => native.version();
const rules = () => now(() => native.rules());
const identify = (text) => now(() => native.identify(string(text, 'text')));

const textCheck = (file) => now(() => native.textCheck(path(file, 'path')));
const textCheckAsync = (file) => later((run) => native.textCheck(path(file, 'path'), run));
const textFix = (text, opts) =>
  now(() => native.textFix(typeof text === 'string' ? text : bytes(text, 'text'), options(opts)));

const check = (file, opts) => now(() => native.check(path(file, 'path'), options(opts)));
const checkAsync = (file, opts) => later((run) => native.check(path(file, 'path'), options(opts), run));
const checkBytes = (name, data, opts) =>
  now(() => native.checkBytes(string(name, 'name'), bytes(data, 'bytes'), options(opts)));
const checkBytesAsync = (name, data, opts) =>
  later((run) => native.checkBytes(string(name, 'name'), bytes(data, 'bytes'), options(opts), run));

const inspect = (file) => now(() => native.inspect(path(file, 'path')));
const inspectAsync = (file) => later((run) => native.inspect(path(file, 'path'), run));
const model = (file) => now(() => native.model(path(file, 'path')));
const modelAsync = (file) => later((run) => native.model(path(file, 'path'), run));
const normalize = (file, output) => now(() => native.normalize(path(file, 'path'), path(output, 'output')));
const normalizeAsync = (file, output) =>
  later((run) => native.normalize(path(file, 'path'), path(output, 'output'), run));
const extract = (file, output, opts) =>
  now(() => native.extract(path(file, 'path'), path(output, 'output'), options(opts)));
const extractAsync = (file, output, opts) =>
  later((run) => native.extract(path(file, 'path'), path(output, 'output'), options(opts), run));

function packageArg(pkg) {
  if (typeof pkg === 'string') return pkg;
  if (typeof pkg === 'object' && pkg !== null && !Array.isArray(pkg)) return plain(pkg);
  throw new TypeError(`package must be the model as an object or its JSON text, not ${typeName(pkg)}`);
}
const attachmentsArg = (value) => (value === undefined || value === null ? [] : paths(value, 'attachments'));
const write = (pkg, attachments, output) =>
  now(() => native.write(packageArg(pkg), attachmentsArg(attachments), path(output, 'output')));
const writeAsync = (pkg, attachments, output) =>
  later((run) => native.write(packageArg(pkg), attachmentsArg(attachments), path(output, 'output'), run));

const verifyPdf = (file, trust, opts) =>
  now(() => native.verifyPdf(path(file, 'path'), paths(trust, 'trust'), options(opts)));
const verifyPdfAsync = (file, trust, opts) =>
  later((run) => native.verifyPdf(path(file, 'path'), paths(trust, 'trust'), options(opts), run));

const signPrepare = (pdf, certificate, opts) =>
  now(() => native.signPrepare(path(pdf, 'pdf'), path(certificate, 'certificate'), options(opts)));
const signPrepareAsync = (pdf, certificate, opts) =>
  later((run) => native.signPrepare(path(pdf, 'pdf'), path(certificate, 'certificate'), options(opts), run));
function preparedArg(prepared) {
  if (typeof prepared === 'object' && prepared !== null && !Array.isArray(prepared)) return plain(prepared);
  throw new TypeError(`prepared must be what signPrepare returned, not ${typeName(prepared)}`);
}
const signFinish = (prepared, signature, output) =>
  now(() => native.signFinish(preparedArg(prepared), bytes(signature, 'signature'), path(output, 'output')));
const signFinishAsync = (prepared, signature, output) =>
  later((run) => native.signFinish(preparedArg(prepared), bytes(signature, 'signature'), path(output, 'output'), run));

/** A status code: `'03'`, or `3` for it. */
function status(value) {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return String(value).padStart(2, '0');
  return string(value, 'status');
}
const replyArgs = (file, code, fromAgency, output, opts) => [
  path(file, 'path'),
  status(code),
  string(fromAgency, 'fromAgency'),
  path(output, 'output'),
  options(opts),
];
const reply = (...args) => now(() => native.reply(...replyArgs(...args)));
const replyAsync = (...args) => later((run) => native.reply(...replyArgs(...args), run));

const replay = (logPath, opts) => now(() => native.replay(path(logPath, 'logPath'), options(opts)));
const replayAsync = (logPath, opts) => later((run) => native.replay(path(logPath, 'logPath'), options(opts), run));

const archiveCheck = (file, opts) => now(() => native.archiveCheck(path(file, 'path'), options(opts)));
const archiveCheckAsync = (file, opts) => later((run) => native.archiveCheck(path(file, 'path'), options(opts), run));
const archivePack = (spec, output, opts) =>
  now(() => native.archivePack(path(spec, 'specPath'), path(output, 'output'), options(opts)));
const archivePackAsync = (spec, output, opts) =>
  later((run) => native.archivePack(path(spec, 'specPath'), path(output, 'output'), options(opts), run));
const retention = (record, at, opts) =>
  now(() => native.retention(path(record, 'recordPath'), time(at, 'at'), options(opts)));
const retentionAsync = (record, at, opts) =>
  later((run) => native.retention(path(record, 'recordPath'), time(at, 'at'), options(opts), run));

const due = (start, opts) => now(() => native.due(time(start, 'start'), options(opts)));
const lunar = (date) => now(() => native.lunar(time(date, 'date')));
function lunarToSolar(date, leap = false) {
  if (typeof leap !== 'boolean') throw new TypeError(`leap must be a boolean, not ${typeName(leap)}`);
  return now(() => native.lunarToSolar(string(date, 'lunar'), leap));
}
function calendar(year) {
  if (!Number.isInteger(year)) throw new TypeError(`year must be an integer, not ${typeName(year)}`);
  return now(() => native.calendar(year));
}

/**
 * One agency's office, driven event by event. `close()` frees it now (later
 * calls throw `invalid_argument`); one never closed is freed by the garbage
 * collector. With `using office = new Office(...)` it is closed at the end of
 * the block.
 */
class Office {
  #native;

  constructor(agency, opts) {
    this.#native = now(() => new native.NativeOffice(string(agency, 'agency'), options(opts)));
  }

  /** Applies one event (an object of the log's schema, or its JSON text): the effects. */
  apply(event) {
    const value = typeof event === 'string' ? event : plain(event);
    if (typeof value !== 'string' && (typeof value !== 'object' || value === null || Array.isArray(value))) {
      throw new TypeError(`event must be an object or its JSON text, not ${typeName(event)}`);
    }
    return now(() => this.#native.apply(value));
  }

  /** The office's state, as `vanthu replay --json` prints it (`state`). */
  snapshot() {
    return now(() => this.#native.snapshot());
  }

  close() {
    this.#native.close();
  }

  get closed() {
    return this.#native.closed;
  }
}
if (typeof Symbol.dispose === 'symbol') {
  Office.prototype[Symbol.dispose] = Office.prototype.close;
}

module.exports = {
  VanthuError,
  Office,
  version,
  rules,
  identify,
  textCheck,
  textCheckAsync,
  textFix,
  check,
  checkAsync,
  checkBytes,
  checkBytesAsync,
  inspect,
  inspectAsync,
  model,
  modelAsync,
  normalize,
  normalizeAsync,
  extract,
  extractAsync,
  write,
  writeAsync,
  verifyPdf,
  verifyPdfAsync,
  signPrepare,
  signPrepareAsync,
  signFinish,
  signFinishAsync,
  reply,
  replyAsync,
  replay,
  replayAsync,
  archiveCheck,
  archiveCheckAsync,
  archivePack,
  archivePackAsync,
  retention,
  retentionAsync,
  due,
  lunar,
  lunarToSolar,
  calendar,
};
