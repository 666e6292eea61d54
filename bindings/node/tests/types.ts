// Type-checked by test.sh (`tsc --noEmit -p tests/tsconfig.json`), not run: a
// program using every call of index.d.ts and the shapes of its results.
import vanthu = require('..');
import type {
  ArchiveReport,
  CalendarYear,
  DocumentReport,
  Due,
  Effect,
  Extracted,
  FileReport,
  Finding,
  Identification,
  LunarConversion,
  OfficeState,
  PackageModel,
  PackageSummary,
  PackageWritten,
  Packed,
  ReplayReport,
  ReplyWritten,
  RetentionEvaluation,
  Rule,
  SignPrepared,
  TextCheck,
  TextFix,
  Written,
} from '..';

const at = '2025-06-03T09:00:00+07:00';

export async function everyCall(folder: string): Promise<void> {
  const version: string = vanthu.version();
  const rules: Rule[] = vanthu.rules();
  const id: Identification = vanthu.identify('000.00.15.H47');
  const text: TextCheck = vanthu.textCheck(`${folder}/text.txt`);
  const textLater: TextCheck = await vanthu.textCheckAsync(new URL(`file://${folder}/text.txt`));
  const fixed: TextFix = vanthu.textFix(Buffer.from('Ho\u0300a'), { from: 'auto', keep_case: true });
  const fixedText: TextFix = vanthu.textFix('Hòa');

  const reports: FileReport[] = vanthu.check(folder, { at, trust: ['pki/root.cer'], strict: true, jobs: 1 });
  const later: FileReport[] = await vanthu.checkAsync(folder, { at: new Date(), profile: 'tt05' });
  const one: FileReport = vanthu.checkBytes('a.edxml', new Uint8Array(8), { at });
  const oneLater: FileReport = await vanthu.checkBytesAsync('a.pdf', new ArrayBuffer(8));
  for (const report of [...reports, ...later, one, oneLater]) {
    const findings: Finding[] = report.findings;
    const line: number | null = findings[0]?.location.line ?? null;
    const value: 'original' | 'reference_only' | 'invalid' | undefined = report.legal_value;
    console.log(report.file, report.conformant, report.error?.code, line, value);
  }

  const summary: PackageSummary = vanthu.inspect('a.edxml');
  const summaryLater: PackageSummary = await vanthu.inspectAsync('a.edxml');
  const model: PackageModel = vanthu.model('a.edxml');
  const modelLater: PackageModel = await vanthu.modelAsync('a.edxml');
  if (model.kind === 'document') console.log(model.header.subject, model.attachments.length);
  const normal: Written = vanthu.normalize('a.edxml', 'b.edxml');
  const normalLater: Written = await vanthu.normalizeAsync('a.edxml', 'b.edxml');
  const files: Extracted[] = vanthu.extract('a.edxml', 'out', { unzip: true, max_bytes: 1 << 20 });
  const filesLater: Extracted[] = await vanthu.extractAsync('a.edxml', 'out');
  const written: PackageWritten = vanthu.write(
    model,
    files.map((f) => f.file),
    'c.edxml',
  );
  const writtenLater: PackageWritten = await vanthu.writeAsync(JSON.stringify(model), null, 'c.edxml');

  const verified: DocumentReport = vanthu.verifyPdf('a.pdf', 'pki/root.cer', { at, attachment: true });
  const verifiedLater: DocumentReport = await vanthu.verifyPdfAsync('a.pdf', ['pki/root.cer'], { form: 'document' });
  console.log(verified.signatures[0]?.indication, verifiedLater.legal_value);
  const prepared: SignPrepared = vanthu.signPrepare('a.pdf', 'pki/agency.cer', { at, digest: 'sha256' });
  const preparedLater: SignPrepared = await vanthu.signPrepareAsync('a.pdf', 'pki/agency.cer');
  const signed: Written = vanthu.signFinish(prepared, Buffer.alloc(256), 'signed.pdf');
  const signedLater: Written = await vanthu.signFinishAsync(preparedLater, new Uint8Array(256), 'signed.pdf');

  const reply: ReplyWritten = vanthu.reply('a.edxml', '03', '000.01.15.H47', 'r.edxml', { at, description: 'x' });
  const replyLater: ReplyWritten = await vanthu.replyAsync('a.edxml', 3, '000.01.15.H47', 'r.edxml');
  console.log(reply.status.status_code, replyLater.sha256);
  const replayed: ReplayReport = vanthu.replay('events.json', { as_of: at, next_day: 'morning' });
  const replayedLater: ReplayReport = await vanthu.replayAsync('events.json', { max_documents: 10 });
  const state: OfficeState = replayed.state;

  const archive: ArchiveReport = vanthu.archiveCheck('sip.zip', { profile: 'csip', at });
  const archiveLater: ArchiveReport = await vanthu.archiveCheckAsync('sip.zip');
  const packed: Packed = vanthu.archivePack('spec.json', 'sip.zip', { dip: false });
  const packedLater: Packed = await vanthu.archivePackAsync('spec.json', 'sip.zip', { follow_links: true });
  const kept: RetentionEvaluation = vanthu.retention('record.json', '2030-01-01', { law: 2024 });
  const keptLater: RetentionEvaluation = await vanthu.retentionAsync('record.json', new Date());

  const due: Due = vanthu.due(at, { working_days: 3, urgent: true, same_day: 'office-hours' });
  const lunar: LunarConversion = vanthu.lunar('2025-01-29');
  const solar: LunarConversion = vanthu.lunarToSolar('1/1/2025', false);
  const year: CalendarYear = vanthu.calendar(2025);
  console.log(due.due, lunar.lunar.can_chi, solar.solar, year.holidays[0]?.name ?? year.working_days);

  const office = new vanthu.Office('000.00.15.H47', { rules: 'national' });
  const effects: Effect[] = office.apply({
    at,
    type: 'actor_added',
    actor: { id: 'vt1', name: 'Văn thư', roles: ['clerk'] },
  });
  const snapshot: OfficeState = office.snapshot();
  office.close();
  const closed: boolean = office.closed;
  {
    using disposed = new vanthu.Office('000.00.15.H47');
    disposed.apply('{"at": "2025-06-03", "type": "actor_added"}');
  }

  try {
    vanthu.lunar('2025-13-01');
  } catch (error) {
    if (error instanceof vanthu.VanthuError) {
      const code: number = error.code;
      const rule: string | null = error.rule;
      const line: number | null | undefined = error.location?.line;
      console.log(code, error.kind, error.messageVi, rule, line, error.toJSON().message_vi);
    }
  }

  console.log(version, rules, id, text, textLater, fixed, fixedText, summary, summaryLater, modelLater, normal);
  console.log(normalLater, filesLater, written, writtenLater, signed, signedLater, replayedLater, state, archive);
  console.log(archiveLater, packed, packedLater, kept, keptLater, effects, snapshot, closed);
}
