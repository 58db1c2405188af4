import { resultKeysFor } from '@zhengjian/juhe';
import type { OcrPage, Quad } from '@zhengjian/ocr';
import {
  type Classifiable,
  type DocumentSpec,
  type FieldReading,
  type ForeignDocument,
  type RecognitionOutcome,
  type RecognitionWarning,
  type Recognizer,
  type RecognizerContext,
  SpecRecognizer,
} from '@zhengjian/recognition';
import { readMrz, type MrzReading, type RegionRecognizer } from './mrz-reader';
import { mrzAlphabetShare, normalizeMrzText } from './mrz-text';
import type { MrzCheckName, MrzFields, MrzFormat } from './mrz.types';
import type { ZoneRebuild } from './zone-rebuild';

/** A value taken from a read zone: one of its fields as parsed, or computed from the whole reading. */
export type MrzValue = keyof MrzFields | ((zone: MrzReading) => string);

/** A result key filled from the machine-readable zone. */
export interface MrzFieldSource {
  key: string;
  from: MrzValue;
  /**
   * The check digit that protects the value: when it fails, the value is returned as read (flagged
   * `checksum_failed`) unless the spec read or derived the key from the print.
   */
  check?: MrzCheckName;
}

/**
 * A printed (VIZ) key that repeats a zone field. The two are compared in the key's format (case, spaces and
 * punctuation ignored); a disagreement adds `mrz_mismatch:<key>` to the warnings. When the zone's check digit for
 * the field holds (or the field has none), the zone's value replaces a printed value that disagrees and fills one
 * that was not read: the check digit makes the zone the better reading.
 */
export interface MrzVizField {
  key: string;
  from: MrzValue;
  check?: MrzCheckName;
  /** Names: the zone truncates long names (ICAO 9303-3 §4.6), so a printed value that starts with the zone's agrees. */
  prefix?: boolean;
}

/**
 * A document with a machine-readable zone: its printed fields as a {@link DocumentSpec} (signature, labels), the
 * zone formats it carries, and which keys come from the zone.
 */
export interface MrzDocument {
  spec: DocumentSpec;
  /** Zone formats the document carries; a zone of another format on the page is not this document's. */
  formats: readonly MrzFormat[];
  /** Keys filled from the zone only. */
  zone: readonly MrzFieldSource[];
  /** Printed keys cross-checked against the zone. */
  viz?: readonly MrzVizField[];
  /** Rebuilds the zone from the print where its reading is weak (see `nameLineFromPrint`). */
  rebuild?: ZoneRebuild;
}

export interface MrzSpecRecognizerOptions {
  documents: readonly MrzDocument[];
  /** Further documents known by signature only, so that their pages answer 215308 (read by their own recognizer). */
  foreign?: readonly ForeignDocument[];
  /** Today's date: the `expired` warning and the century of zone birth dates. Default: the clock. */
  today?: () => Date;
}

/**
 * A signature token for {@link DocumentSpec.signature}: a line of the page that reads as a machine-readable zone
 * line (at least 28 characters, 85 % of them `A–Z 0–9 <`, a run of fillers) whose start matches `start`
 * (e.g. `/^P/` for a passport's line 1, `/^V/` for a visa's).
 */
export function mrzLineToken(start: RegExp): (pageText: string) => boolean {
  return (pageText) =>
    pageText.split('\n').some((raw) => {
      const line = normalizeMrzText(raw);
      return line.length >= 28 && line.includes('<<') && mrzAlphabetShare(raw) >= 0.85 && start.test(line);
    });
}

const fold = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9\u3400-\u9fff]/g, '');

const valueOf = (zone: MrzReading, from: MrzValue): string =>
  typeof from === 'function' ? from(zone) : zone.fields[from];

// A zone value's confidence: check digits hold or not (the OCR score of the zone is not kept per field).
const ZONE_CONFIDENCE = { valid: 0.99, failed: 0.5 } as const;

/**
 * The recognizer of documents with a machine-readable zone (ICAO 9303 passports and visas, the Chinese booklet
 * permits): per page, the printed fields are classified and read from the documents' specs (`SpecRecognizer`:
 * 215308 for another document), the zone is read once ({@link readMrz}; with the service's context, its lines are
 * read again when a check digit fails), then the zone's keys are filled and the printed keys cross-checked
 * (`mrz_mismatch:<key>`, `checksum_failed`). A page whose printed fields are illegible (215305 from the spec) is
 * still read from a zone of the document's format. Asynchronous (the second pass reads pixels).
 */
export class MrzSpecRecognizer implements Recognizer {
  readonly cardTypes: readonly number[];
  private readonly inner: SpecRecognizer;
  private readonly zoneDocuments = new Map<number, MrzDocument>();
  private readonly today: () => Date;
  // The service asks again after reading unread label regions: the zone is read once per request.
  private readonly zones = new WeakMap<RecognizerContext, Promise<MrzReading | undefined>>();

  constructor(options: MrzSpecRecognizerOptions) {
    for (const doc of options.documents) {
      const keys = new Set(resultKeysFor(doc.spec.cardType));
      const unknown = [...doc.zone, ...(doc.viz ?? [])].find((f) => !keys.has(f.key));
      if (unknown) throw new Error(`cardType ${doc.spec.cardType} has no result key ${unknown.key}`);
      this.zoneDocuments.set(doc.spec.cardType, doc);
    }
    this.today = options.today ?? (() => new Date());
    this.inner = new SpecRecognizer({
      specs: options.documents.map((d) => d.spec),
      foreign: options.foreign,
      serves: options.documents.map((d) => d.spec.cardType),
      today: this.today,
    });
    this.cardTypes = this.inner.cardTypes;
  }

  /** The documents' printed signatures, for the registry's cross-domain 215308. */
  get documents(): readonly Classifiable[] {
    return this.inner.documents;
  }

  async recognize(page: OcrPage, cardType: number, context?: RecognizerContext): Promise<RecognitionOutcome> {
    const printed = this.inner.recognize(page, cardType);
    if (printed.status === 'failed' && printed.errorCode === 215308) return printed;
    const doc = this.zoneDocuments.get(printed.status === 'recognized' ? printed.cardType : cardType);
    if (!doc) return printed;
    const zone = await this.zone(page, context);
    const own = zone && doc.formats.includes(zone.format) ? zone : undefined;
    if (printed.status === 'failed') {
      if (!own) return printed;
      return withZone(doc, { status: 'recognized', cardType: doc.spec.cardType, fields: {}, warnings: [] }, own);
    }
    if (!own) return printed;
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

/** The outcome with the zone's keys filled and the printed keys cross-checked against it. */
function withZone(
  doc: MrzDocument,
  outcome: Extract<RecognitionOutcome, { status: 'recognized' }>,
  zone: MrzReading,
): RecognitionOutcome {
  const fields: Record<string, FieldReading> = { ...outcome.fields };
  const warnings = new Set<RecognitionWarning>(outcome.warnings.filter((w) => w !== 'field_missing'));
  const box = unionBox(zone.boxes);
  const holds = (check?: MrzCheckName): boolean =>
    check ? zone.checks.find((c) => c.name === check)?.valid !== false : zone.valid;

  for (const source of doc.zone) {
    const value = valueOf(zone, source.from);
    if (!value) continue;
    const valid = holds(source.check);
    if (!valid) warnings.add('checksum_failed');
    // A zone value whose check digit fails does not replace a value the spec read (or derived) from the print.
    if (!valid && fields[source.key]) continue;
    fields[source.key] = { value, confidence: valid ? ZONE_CONFIDENCE.valid : ZONE_CONFIDENCE.failed, box };
  }
  for (const viz of doc.viz ?? []) {
    const machine = valueOf(zone, viz.from);
    const read = fields[viz.key];
    if (!machine) continue;
    const trusted = holds(viz.check);
    if (!read) {
      if (trusted) fields[viz.key] = { value: machine, confidence: ZONE_CONFIDENCE.failed, box };
      continue;
    }
    const [p, m] = [fold(read.value), fold(machine)];
    const agree = viz.prefix ? p.startsWith(m) : p === m;
    if (agree) continue;
    warnings.add(`mrz_mismatch:${viz.key}`);
    if (trusted) fields[viz.key] = { ...read, value: machine, confidence: Math.min(read.confidence, 0.5) };
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
