// Types of the `vanthu` package: every call of docs/bindings.md and every
// result, with the keys the CLI prints with `--json` (snake_case). Nested
// values that are large documents of their own (a package's business block,
// a workflow state, a signature's checks) are typed `JsonObject`; their keys
// are those of the CLI's JSON too.

/** A JSON value, as the results hold them. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
/** A JSON object. */
export type JsonObject = { [key: string]: Json };

/** A path: a string or a `file:` URL. */
export type PathLike = string | URL;
/** One path or several (trust anchors, revocation lists, a certificate chain). */
export type Paths = PathLike | readonly PathLike[];
/** Bytes: a `Buffer` (a `Uint8Array`), any typed array, a `DataView` or an `ArrayBuffer`. */
export type Bytes = ArrayBufferView | ArrayBuffer;
/**
 * A time: an RFC 3339 string (`2025-06-05T09:30:00+07:00`), `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM`, edXML's
 * `YYYY/MM/DD HH:MM:SS` (Vietnam time unless an offset is given), or a `Date`.
 */
export type Time = string | Date;
export type Severity = 'error' | 'warning' | 'note';
export type LegalValue = 'original' | 'reference_only' | 'invalid';
export type ArchiveProfile = 'csip' | 'sip' | 'tt05';
export type NextDay = 'morning' | 'day';
export type SameDay = 'midnight' | 'office-hours';
export type ErrorKind =
  | 'invalid_argument'
  | 'io'
  | 'unreadable'
  | 'refused'
  | 'trust'
  | 'nothing_to_check'
  | 'no_such_date'
  | 'unknown_encoding'
  | 'signing'
  | 'internal';

// Errors ---------------------------------------------------------------------

/** Where in an input: a byte offset, a line and column, a path inside it (each `null` when unknown). */
export interface Location {
  offset: number | null;
  line: number | null;
  column: number | null;
  path: string | null;
  attachment?: number | null;
}

/** An error of vanthu (docs/bindings.md §2). */
export declare class VanthuError extends Error {
  /** The fields as the addon gives them (docs/bindings.md §2). */
  constructor(fields: {
    code: number;
    kind: ErrorKind;
    message: string;
    message_vi: string;
    rule?: string | null;
    location?: Location | null;
  });
  readonly name: 'VanthuError';
  /** The stable number: 1 invalid_argument … 9 signing, 99 internal. */
  code: number;
  kind: ErrorKind;
  /** The message in Vietnamese. */
  messageVi: string;
  /** The rule that refused the input (`refused`), or `null`. */
  rule: string | null;
  /** Where in the input, or `null`. */
  location: Location | null;
  /** The error as docs/bindings.md §2 writes it (`message_vi`; `rule` and `location` only when known). */
  toJSON(): ErrorJson;
}

export interface ErrorJson {
  code: number;
  kind: ErrorKind;
  message: string;
  message_vi: string;
  rule?: string;
  location?: Location;
}

// Findings and reports -----------------------------------------------------------

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  message_vi: string;
  location: Location;
  source: string;
  /** The requirement of an external specification this finding reports (`CSIP2`, `SIP4` of E-ARK). */
  requirement?: string;
}

/** One element of `vanthu rules --json`. */
export interface Rule {
  id: string;
  severity: Severity;
  title: string;
  title_vi: string;
  source: string;
}

/** Why a file could not be read (in a check report). */
export interface Unreadable {
  code: string;
  message: string;
  location?: Location;
}

export interface AttachmentReport {
  index?: number;
  name?: string | null;
  kind?: string | null;
  size?: number | null;
  main?: boolean;
  legal_value?: LegalValue;
  signatures?: number;
}

/** One element of `vanthu check --json`. */
export interface FileReport {
  file: string;
  format: 'edxml' | 'pdf' | 'sip' | null;
  kind?: string;
  conformant: boolean;
  findings: Finding[];
  error?: Unreadable;
  attachments?: AttachmentReport[];
  legal_value?: LegalValue;
  signatures?: number;
  objid?: string;
  files_checked?: number;
  bytes_checked?: number;
}

export interface Organization {
  organ_id?: string | null;
  organization_in_charge?: string | null;
  organ_name?: string | null;
  organ_add?: string | null;
  email?: string | null;
  telephone?: string | null;
  fax?: string | null;
  website?: string | null;
  extras?: Extras;
}

/**
 * `vanthu inspect --json`: the header fields and attachments of a document package (`kind` `document`), or the
 * fields of a status package (`status`).
 */
export interface PackageSummary {
  kind: 'document' | 'status';
  document_id?: string | null;
  from?: Organization | null;
  to?: Organization[];
  code?: { number: string | null; notation: string | null } | null;
  promulgation_date?: string | null;
  document_type?: Json;
  subject?: string | null;
  priority?: Json;
  steering_type?: Json;
  business_doc_type?: Json;
  business?: Json;
  attachments?: JsonObject[];
  status_code?: string;
  description?: string | null;
  timestamp?: string | null;
  response_for?: Json;
  findings: Finding[];
}

export interface Signer {
  subject?: string;
  common_name?: string | null;
  organization?: string | null;
  uids?: string[];
  issuer?: string;
  serial?: string;
}

export interface SignatureReport {
  object?: string;
  offset?: number;
  kind?: string;
  sub_filter?: string;
  indication: string;
  sub_indication?: string | null;
  coverage?: string;
  signed_revision?: number;
  signer?: Signer | null;
  role?: string | null;
  signing_time?: string | null;
  checks?: JsonObject[];
  modifications?: JsonObject[];
  modification_level?: string | null;
  widget?: JsonObject | null;
  level?: string | null;
  proven_at?: string | null;
}

/** `vanthu verify --json`. */
export interface DocumentReport {
  form: string;
  legal_value: LegalValue;
  signatures: SignatureReport[];
  findings: Finding[];
}

/** A file written: its path, size and SHA-256. */
export interface Written {
  file: string;
  size: number;
  sha256: string;
}

export interface AttachmentWritten {
  content_id: string | null;
  size: number;
  sha256: string;
}

/** `vanthu write --json`. */
export interface PackageWritten extends Written {
  kind: 'document' | 'status';
  document_id: string | null;
  attachments: AttachmentWritten[];
}

/** `vanthu reply --json`: the file written and the status package read back. */
export interface ReplyWritten extends Written {
  status: PackageSummary;
}

/** One element of `vanthu extract --json`. */
export interface Extracted {
  content_id: string | null;
  name: string;
  file: string;
  original_name: string | null;
  size: number;
  sha256: string;
  unwrapped_entry: string | null;
  unwrapped_entry_original: string | null;
  written_size: number;
  written_sha256: string;
  findings: Finding[];
}

/**
 * Content the model does not name (unknown elements and attributes, comments, processing instructions), kept so
 * that `model` then `write` gives back the package `normalize` writes. Left out when there is none.
 */
export type Extras = JsonObject;

/** `MessageHeader` of a document package's model. `to` and `response_for` are required (possibly empty). */
export interface MessageHeader {
  from?: Organization | null;
  to: Organization[];
  document_id?: string | null;
  code?: { code_number?: string | null; code_notation?: string | null; extras?: Extras } | null;
  promulgation_info?: JsonObject | null;
  document_type?: JsonObject | null;
  subject?: string | null;
  content?: string | null;
  signer_info?: JsonObject | null;
  due_date?: string | null;
  other_info?: JsonObject | null;
  response_for: JsonObject[];
  steering_type?: string | null;
  response_for_task?: string[] | null;
  application_type?: string | null;
  to_places?: string[] | null;
  extras?: Extras;
}

export interface AttachmentModel {
  content_id?: string | null;
  attachment_name?: string | null;
  description?: string | null;
  field_name?: string | null;
  mime_type?: string | null;
  format?: string | null;
  content_type?: string | null;
  extras?: Extras;
}

/** The model of a document package (`vanthu inspect --model`, docs/bindings.md §4). */
export interface DocumentModel {
  kind: 'document';
  header: MessageHeader;
  trace?: JsonObject | null;
  signature?: JsonObject | null;
  manifest?: JsonObject | null;
  attachments: AttachmentModel[];
  attachment_encoded: boolean;
  extras?: Extras;
}

export interface StaffInfo {
  department?: string | null;
  staff?: string | null;
  email?: string | null;
  mobile?: string | null;
  department_id?: string | null;
  staff_id?: string | null;
  extras?: Extras;
}

/** The model of a status package: the keys of `vanthu_edxml::StatusPackage`. */
export interface StatusModel {
  kind: 'status';
  from?: Organization | null;
  response_for?: JsonObject | null;
  staff_info?: StaffInfo | null;
  status_code?: string | null;
  description?: string | null;
  timestamp?: string | null;
  extras?: Extras;
  package_extras?: Extras;
}

/** The whole model of a package, tagged by `kind`: what `model` returns and `write` takes. */
export type PackageModel = DocumentModel | StatusModel;

/** `vanthu replay --json`. */
export interface ReplayReport {
  conformant: boolean;
  findings: Finding[];
  as_of: string | null;
  state: OfficeState;
  missed_deadlines: JsonObject[];
  pending_deadlines: JsonObject[];
}

/** An office's state (`state` of `vanthu replay --json`). */
export interface OfficeState {
  agency: string;
  directory: JsonObject;
  registers: JsonObject;
  incoming: JsonObject;
  outgoing: JsonObject;
  last_at?: string | null;
}

/** One effect of an event applied: what the embedding system must do next. */
export type Effect = JsonObject;

/** `vanthu archive check --json`. */
export interface ArchiveReport {
  conformant: boolean;
  kind: string | null;
  objid: string | null;
  files_checked: number;
  bytes_checked: number;
  findings: Finding[];
}

/** `vanthu archive pack --json`. */
export interface Packed extends Written {
  objid: string;
  data_files: number;
}

/** `vanthu retention --json`. */
export interface RetentionEvaluation {
  code: string;
  retention: string;
  maintenance?: string | null;
  at: string;
  law: string;
  work_ended?: string | null;
  expiry: JsonObject;
  expired: boolean;
  transfer: JsonObject;
  transfer_overdue: boolean;
  disposal: JsonObject;
  conformant: boolean;
  findings: Finding[];
}

/**
 * One element of `vanthu id --json`: the common keys, then the parts of the kind of identifier found (agency id,
 * document number, document id, record code).
 */
export interface Identification {
  input: string;
  kind: 'agency_id' | 'document_number' | 'document_id' | 'record_code' | 'unknown';
  valid: boolean;
  findings: Finding[];
  /** Why it is not an identifier of its kind: the message and the byte offset. */
  error: { message: string; offset: number } | null;
  [part: string]: unknown;
}

/** `vanthu text check --json`. */
export interface TextCheck {
  file: string;
  encoding: string;
  nfc: boolean;
  findings: Finding[];
}

/** `vanthu text fix --json`. */
export interface TextFix {
  text: string;
  encoding: 'unicode' | 'tcvn3' | 'vni';
  action: 'repaired' | 'decoded' | 'unchanged';
  confidence?: string;
  note: string;
}

export interface DayOff {
  date: string;
  name: string;
  name_en: string;
  kind: string;
  estimated: boolean;
}

/** `vanthu calendar --json`. */
export interface CalendarYear {
  year: number;
  estimated: boolean;
  source: string;
  holidays: DayOff[];
  swapped_working_days: string[];
  working_days: number;
}

export interface LunarParts {
  day: number;
  month: number;
  year: number;
  leap: boolean;
  can_chi: string;
}

/** `vanthu lunar --json`. */
export interface LunarConversion {
  solar: string;
  lunar: LunarParts;
}

/** `vanthu due --json`. */
export interface Due {
  from: string;
  rule: string;
  urgent: boolean;
  due: string;
  chase_from?: string;
}

/** What `signPrepare` returns: give it back to `signFinish` as it is. */
export interface SignPrepared {
  pdf: string;
  pdf_sha256?: string;
  certificate: string;
  chain: string[];
  at: string;
  reason?: string;
  location?: string;
  scheme: 'rsa-pkcs1-v1_5' | 'rsa-pss' | 'ecdsa' | string;
  digest_algorithm: 'sha256' | 'sha384' | 'sha512';
  /** The DER signed attributes to sign, Base64. */
  to_be_signed: string;
  /** Their digest, hex. */
  digest: string;
}

// Options: the field names of docs/bindings.md, as they are (snake_case). ----------

export interface CheckOptions {
  trust?: Paths;
  crls?: Paths;
  ocsps?: Paths;
  at?: Time;
  strict?: boolean;
  profile?: ArchiveProfile;
  /** The signer roles policy (fields left out keep their defaults). */
  roles?: JsonObject;
  legacy_sha1?: boolean;
  /** How many files are checked at once: 0 (the default) for one per core. */
  jobs?: number;
}

export interface VerifyOptions {
  at?: Time;
  attachment?: boolean;
  form?: 'document' | 'attachment' | 'digitised_copy';
  crls?: Paths;
  ocsps?: Paths;
  legacy_sha1?: boolean;
  roles?: JsonObject;
}

export interface TextFixOptions {
  from?: 'auto' | 'tcvn3' | 'vni';
  capitals?: boolean;
  keep_case?: boolean;
}

export interface ExtractOptions {
  unzip?: boolean;
  max_bytes?: number;
}

export interface ReplyOptions {
  from_name?: string;
  description?: string;
  at?: Time;
  rules?: string;
}

export interface ReplayOptions {
  as_of?: Time;
  rules?: string;
  next_day?: NextDay;
  same_day?: SameDay;
  max_documents?: number;
}

export interface ArchiveCheckOptions {
  profile?: ArchiveProfile;
  at?: Time;
}

export interface PackOptions {
  dip?: boolean;
  follow_links?: boolean;
}

export interface RetentionOptions {
  law?: 2011 | 2024;
}

export interface DueOptions {
  working_days?: number;
  rule?: 'issue' | 'acknowledge' | 'not-received';
  urgent?: boolean;
  next_day?: NextDay;
  same_day?: SameDay;
}

export interface SignOptions {
  at?: Time;
  reason?: string;
  location?: string;
  chain?: Paths;
  pss?: boolean;
  digest?: 'sha256' | 'sha384' | 'sha512';
}

export interface OfficeOptions {
  /** `national` (the default), `ho-chi-minh-city`, `nam-dinh`, `quang-nam`. */
  rules?: string;
}

// Functions ------------------------------------------------------------------------

export function version(): string;
export function rules(): Rule[];
export function identify(text: string): Identification;
export function textCheck(path: PathLike): TextCheck;
export function textCheckAsync(path: PathLike): Promise<TextCheck>;
export function textFix(text: string | Bytes, options?: TextFixOptions): TextFix;
export function check(path: PathLike, options?: CheckOptions): FileReport[];
export function checkAsync(path: PathLike, options?: CheckOptions): Promise<FileReport[]>;
export function checkBytes(name: string, bytes: Bytes, options?: CheckOptions): FileReport;
export function checkBytesAsync(name: string, bytes: Bytes, options?: CheckOptions): Promise<FileReport>;
export function inspect(path: PathLike): PackageSummary;
export function inspectAsync(path: PathLike): Promise<PackageSummary>;
export function model(path: PathLike): PackageModel;
export function modelAsync(path: PathLike): Promise<PackageModel>;
export function normalize(path: PathLike, output: PathLike): Written;
export function normalizeAsync(path: PathLike, output: PathLike): Promise<Written>;
export function extract(path: PathLike, output: PathLike, options?: ExtractOptions): Extracted[];
export function extractAsync(path: PathLike, output: PathLike, options?: ExtractOptions): Promise<Extracted[]>;
export function write(
  pkg: PackageModel | JsonObject | string,
  attachments: Paths | null | undefined,
  output: PathLike,
): PackageWritten;
export function writeAsync(
  pkg: PackageModel | JsonObject | string,
  attachments: Paths | null | undefined,
  output: PathLike,
): Promise<PackageWritten>;
export function verifyPdf(path: PathLike, trust: Paths, options?: VerifyOptions): DocumentReport;
export function verifyPdfAsync(path: PathLike, trust: Paths, options?: VerifyOptions): Promise<DocumentReport>;
export function signPrepare(pdf: PathLike, certificate: PathLike, options?: SignOptions): SignPrepared;
export function signPrepareAsync(pdf: PathLike, certificate: PathLike, options?: SignOptions): Promise<SignPrepared>;
export function signFinish(prepared: SignPrepared, signature: Bytes, output: PathLike): Written;
export function signFinishAsync(prepared: SignPrepared, signature: Bytes, output: PathLike): Promise<Written>;
export function reply(
  path: PathLike,
  status: string | number,
  fromAgency: string,
  output: PathLike,
  options?: ReplyOptions,
): ReplyWritten;
export function replyAsync(
  path: PathLike,
  status: string | number,
  fromAgency: string,
  output: PathLike,
  options?: ReplyOptions,
): Promise<ReplyWritten>;
export function replay(logPath: PathLike, options?: ReplayOptions): ReplayReport;
export function replayAsync(logPath: PathLike, options?: ReplayOptions): Promise<ReplayReport>;
export function archiveCheck(path: PathLike, options?: ArchiveCheckOptions): ArchiveReport;
export function archiveCheckAsync(path: PathLike, options?: ArchiveCheckOptions): Promise<ArchiveReport>;
export function archivePack(specPath: PathLike, output: PathLike, options?: PackOptions): Packed;
export function archivePackAsync(specPath: PathLike, output: PathLike, options?: PackOptions): Promise<Packed>;
export function retention(recordPath: PathLike, at: Time, options?: RetentionOptions): RetentionEvaluation;
export function retentionAsync(
  recordPath: PathLike,
  at: Time,
  options?: RetentionOptions,
): Promise<RetentionEvaluation>;
export function due(start: Time, options?: DueOptions): Due;
export function lunar(date: Time): LunarConversion;
export function lunarToSolar(lunar: string, leap?: boolean): LunarConversion;
export function calendar(year: number): CalendarYear;

/** One agency's office, driven event by event. */
export declare class Office {
  constructor(agency: string, options?: OfficeOptions);
  /** Applies one event (an object of the log's schema, or its JSON text): the effects. */
  apply(event: JsonObject | string): Effect[];
  /** The office's state, as `vanthu replay --json` prints it (`state`). */
  snapshot(): OfficeState;
  /** Frees the office now; later calls throw `invalid_argument`. Closing twice is harmless. */
  close(): void;
  /** Whether `close()` was called. */
  readonly closed: boolean;
  /** `close()`, for `using office = new Office(...)`. */
  [Symbol.dispose](): void;
}
