import { resultKeysFor } from '@zhengjian/juhe';
import type { OcrPage, Quad } from '@zhengjian/ocr';
import {
  type Classifiable,
  type FieldReading,
  type RecognitionOutcome,
  type RecognitionWarning,
  type Recognizer,
  type RecognizerContext,
  SpecRecognizer,
} from '@zhengjian/recognition';
import type { MrzDocument, MrzValue } from './mrz-fields';
import { readMrz, type MrzReading, type RegionRecognizer } from './mrz-reader';
import type { MrzCheckName } from './mrz.types';

/** Options of {@link MrzDocumentRecognizer}. */
export interface MrzDocumentRecognizerOptions {
  /** Every document, classified together: a page of one asked as another answers 215308. */
  documents: readonly MrzDocument[];
  /** The cardTypes answered (default every document's); the others take part in classification only. */
  serves?: readonly number[];
  /** Today's date: the `expired` warning and the century of zone birth dates. Default: the clock. */
  today?: () => Date;
}

type Fields = Readonly<Record<string, FieldReading>>;
type Recognized = Extract<RecognitionOutcome, { status: 'recognized' }>;

const fold = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9\u3400-\u9fff]/g, '');

const valueOf = (zone: MrzReading, from: MrzValue, printed: Fields): string =>
  typeof from === 'function' ? from(zone, printed) : zone.fields[from];

// A zone value's confidence: its check digit holds or not (the OCR score of the zone is not kept per field).
const ZONE_CONFIDENCE = { valid: 0.98, failed: 0.5 } as const;
// A state code corrected against the list of codes, as a closed-list value corrected by a look-alike (`oneOf`).
const CORRECTED_CODE_FACTOR = 0.9;

/** The state code a zone value is, if it is one that the zone's reading corrected. */
const correctedCode = (zone: MrzReading, from: MrzValue): boolean =>
  (from === 'issuingState' || from === 'nationality') && (zone.correctedCodes?.includes(from) ?? false);

/**
 * The recognizer of travel documents (ICAO 9303 passports and visas, the Chinese exit-entry booklets and cards):
 * per page, the printed fields are classified among every document and read from their specs (`SpecRecognizer`:
 * 215308 for another document), the zone is read once per request ({@link readMrz}; with the service's context,
 * its lines are read again when a check digit fails), then the zone's keys are filled and the printed keys
 * cross-checked (`mrz_mismatch:<key>`, `checksum_failed`); a state code the zone's reading corrected against the
 * list of codes has its confidence lowered, as a closed-list value corrected by a look-alike. A page whose print is
 * illegible (215305 from the spec) is still read from a zone of the document's format and code, unless the document
 * `needsPrint`. Asynchronous (the second pass reads pixels).
 */
export class MrzDocumentRecognizer implements Recognizer {
  readonly cardTypes: readonly number[];
  private readonly inner: SpecRecognizer;
  private readonly zoneDocuments = new Map<number, MrzDocument>();
  private readonly today: () => Date;
  // The service asks again after reading unread label regions: the zone is read once per request.
  private readonly zones = new WeakMap<RecognizerContext, Promise<MrzReading | undefined>>();

  /** @throws Error when a document fills a key that is not a result key of its cardType. */
  constructor(options: MrzDocumentRecognizerOptions) {
    for (const doc of options.documents) {
      const keys = new Set(resultKeysFor(doc.spec.cardType));
      const unknown = [...doc.zone, ...(doc.viz ?? [])].find((f) => !keys.has(f.key));
      if (unknown) throw new Error(`cardType ${doc.spec.cardType} has no result key ${unknown.key}`);
      this.zoneDocuments.set(doc.spec.cardType, doc);
    }
    this.today = options.today ?? (() => new Date());
    this.inner = new SpecRecognizer({
      specs: options.documents.map((d) => d.spec),
      serves: options.serves ?? options.documents.map((d) => d.spec.cardType),
      today: this.today,
    });
    this.cardTypes = this.inner.cardTypes;
  }

  /** The documents' printed signatures, for the registry's cross-domain 215308. */
  get documents(): readonly Classifiable[] {
    return this.inner.documents;
  }

  async recognize(page: OcrPage, cardType: number, context?: RecognizerContext): Promise<RecognitionOutcome> {
    const printed = this.inner.recognize(page, cardType, context);
    if (printed.status === 'failed' && printed.errorCode === 215308) return printed;
    const doc = this.zoneDocuments.get(printed.status === 'recognized' ? printed.cardType : cardType);
    if (!doc || (printed.status === 'failed' && doc.needsPrint)) return printed;
    const zone = doc.formats.length > 0 ? await this.zone(page, context) : undefined;
    const own = zone && ownZone(doc, zone) ? zone : undefined;
    if (printed.status === 'failed') {
      if (!own) return printed;
      return withZone(doc, { status: 'recognized', cardType: doc.spec.cardType, fields: {}, warnings: [] }, own);
    }
    if (!own) {
      const missing = doc.zone.length > 0 && !printed.warnings.includes('field_missing');
      return missing ? { ...printed, warnings: [...printed.warnings, 'field_missing'] } : printed;
    }
    return withZone(doc, printed, doc.rebuild?.(own, printed.fields, this.today()) ?? own);
  }

  private zone(page: OcrPage, context?: RecognizerContext): Promise<MrzReading | undefined> {
    const referenceDate = this.today();
    if (!context) return readMrz(page, { referenceDate, passes: 'lines' });
    let pending = this.zones.get(context);
    if (!pending) {
      const engine: RegionRecognizer = { readRegions: (_image, _page, quads, o) => context.readRegions(quads, o) };
      pending = readMrz(page, { referenceDate, engine, image: context.uprightImage() });
      this.zones.set(context, pending);
    }
    return pending;
  }
}

/** The zone is of a format the document carries, and starts with one of its document codes when it names them. */
function ownZone(doc: MrzDocument, zone: MrzReading): boolean {
  return doc.formats.includes(zone.format) && (!doc.codes || doc.codes.includes(zone.fields.documentCode));
}

/** The outcome with the zone's keys filled and the printed keys cross-checked against it. */
function withZone(doc: MrzDocument, outcome: Recognized, zone: MrzReading): RecognitionOutcome {
  const printed: Fields = outcome.fields;
  const fields: Record<string, FieldReading> = { ...printed };
  const warnings = new Set<RecognitionWarning>(outcome.warnings.filter((w) => w !== 'field_missing'));
  const box = unionBox(zone.boxes);
  const holds = (check?: MrzCheckName): boolean =>
    check ? zone.checks.find((c) => c.name === check)?.valid !== false : zone.valid;
  const fromZone = (value: string, valid: boolean, from: MrzValue): FieldReading => ({
    value,
    confidence:
      (valid ? ZONE_CONFIDENCE.valid : ZONE_CONFIDENCE.failed) *
      (correctedCode(zone, from) ? CORRECTED_CODE_FACTOR : 1),
    box,
  });

  for (const source of doc.zone) {
    const value = valueOf(zone, source.from, printed);
    if (!value) continue;
    const valid = holds(source.check);
    if (!valid) warnings.add('checksum_failed');
    // A zone value whose check digit fails does not replace a value the spec read (or derived) from the print.
    if (!valid && fields[source.key]) continue;
    fields[source.key] = fromZone(value, valid, source.from);
  }
  for (const viz of doc.viz ?? []) {
    const machine = valueOf(zone, viz.from, printed);
    const read = fields[viz.key];
    if (!machine) continue;
    const trusted = holds(viz.check);
    if (!read) {
      if (!trusted) warnings.add('checksum_failed');
      fields[viz.key] = fromZone(machine, trusted, viz.from);
      continue;
    }
    const [p, m] = [fold(read.value), fold(machine)];
    if (viz.prefix ? p.startsWith(m) : p === m) continue;
    warnings.add(`mrz_mismatch:${viz.key}`);
    if (trusted && !viz.preferPrinted) {
      fields[viz.key] = { ...read, value: machine, confidence: Math.min(read.confidence, ZONE_CONFIDENCE.failed) };
    }
  }
  const keys = [...doc.spec.fields.map((f) => f.key), ...doc.zone.map((z) => z.key)];
  if (keys.some((k) => !fields[k])) warnings.add('field_missing');
  return { ...outcome, fields, warnings: [...warnings] };
}

function unionBox(boxes: readonly Quad[]): Quad | undefined {
  if (boxes.length === 0) return undefined;
  const xs = boxes.flatMap((q) => q.map((p) => p.x));
  const ys = boxes.flatMap((q) => q.map((p) => p.y));
  const [l, r, t, b] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  return [
    { x: l, y: t },
    { x: r, y: t },
    { x: r, y: b },
    { x: l, y: b },
  ];
}
