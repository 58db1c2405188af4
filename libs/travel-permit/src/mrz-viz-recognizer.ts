import type { OcrPage, Quad } from '@zhengjian/ocr';
import {
  type Classifiable,
  type DocumentSpec,
  type FieldReading,
  type RecognitionOutcome,
  type RecognitionWarning,
  type Recognizer,
  type RecognizerContext,
  SpecRecognizer,
} from '@zhengjian/recognition';
import { crossCheckMrz } from './mrz-cross-check';
import { type MrzReading, readMrz } from './mrz-reader';
import type { MrzCheckName, MrzFields, MrzFormat, MrzResult } from './mrz.types';

/**
 * One result key filled from a machine-readable zone.
 * - `value` computes it from the parsed zone (in the key's result format; `''` when the zone does not carry it).
 * - `check`: the check digit guarding it; a value whose check digit fails is used only when the printed zone has none.
 * - `printed`: the key is also read from the printed zone (the spec has a field for it); the two are cross-checked,
 *   with `crossCheckMrz` against the zone field `mrz` when given, else against `value` (both folded: case, spaces,
 *   punctuation ignored), and a disagreement is reported as `mrz_mismatch:<key>`. The zone's value, when its check
 *   digit holds, replaces the printed one (check digits are the stronger evidence) unless `preferPrinted`.
 */
export interface MrzKey {
  key: string;
  /** `printed`: the fields read from the printed zone (a zone line without check digit may be arbitrated by them). */
  value: (zone: MrzResult, printed: Readonly<Record<string, FieldReading>>) => string;
  check?: MrzCheckName;
  printed?: { mrz?: keyof MrzFields; preferPrinted?: boolean };
}

/** A document with a printed zone read by a spec and a machine-readable zone read by `readMrz`. */
export interface MrzVizDocument {
  /** Printed fields, signature, portrait: read by the toolkit's `SpecRecognizer`. */
  spec: DocumentSpec;
  /** Zone formats the document carries (another format found on the page is ignored). */
  formats: readonly MrzFormat[];
  /** Document codes the zone may start with (`CS`…); another code is not this document's zone. */
  codes?: readonly string[];
  /** Keys filled from the zone. */
  keys: readonly MrzKey[];
  /** The page is readable from its zone alone (a back page whose only print is the zone): 215305 otherwise. */
  zoneSuffices?: boolean;
}

/** Options of {@link MrzVizRecognizer}. */
export interface MrzVizRecognizerOptions {
  documents: readonly MrzVizDocument[];
  /** Further specs taking part in classification only (the same domain's other documents). */
  others?: readonly DocumentSpec[];
  /** The cardTypes answered (default every document's). */
  serves?: readonly number[];
  /** Today (century of birth dates, `expired`); default the clock. */
  today?: () => Date;
}

const ZONE_CONFIDENCE = 0.98;

/**
 * Documents with a machine-readable zone (ICAO 9303 or a Chinese permit zone): the printed fields are read by the
 * document's spec (classification, 215308 for another document, 215305 when unreadable), the zone by `readMrz`
 * (with a second recognition pass over its lines through the service's `RecognizerContext` when a check digit
 * fails), and the two merged by {@link MrzKey}. A failed check digit of a used zone value is `checksum_failed`.
 */
export class MrzVizRecognizer implements Recognizer {
  readonly cardTypes: readonly number[];
  private readonly zoneDocuments = new Map<number, MrzVizDocument>();
  private readonly viz: SpecRecognizer;
  private readonly today: () => Date;

  constructor(options: MrzVizRecognizerOptions) {
    for (const d of options.documents) this.zoneDocuments.set(d.spec.cardType, d);
    this.cardTypes = options.serves ?? options.documents.map((d) => d.spec.cardType);
    this.today = options.today ?? (() => new Date());
    this.viz = new SpecRecognizer({
      specs: [...options.documents.map((d) => d.spec), ...(options.others ?? [])],
      serves: this.cardTypes,
      today: this.today,
    });
  }

  /** The printed zones' signatures, for the registry's cross-domain 215308. */
  get documents(): readonly Classifiable[] {
    return this.viz.documents;
  }

  async recognize(page: OcrPage, cardType: number, context?: RecognizerContext): Promise<RecognitionOutcome> {
    const doc = this.zoneDocuments.get(cardType);
    const printed = this.viz.recognize(page, cardType);
    if (!doc || (printed.status === 'failed' && (printed.errorCode === 215308 || !doc.zoneSuffices))) return printed;
    const zone = await this.readZone(page, doc, context);
    if (printed.status === 'failed' && !zone) return printed;
    const fields: Record<string, FieldReading> = printed.status === 'recognized' ? { ...printed.fields } : {};
    const warnings: RecognitionWarning[] = printed.status === 'recognized' ? [...printed.warnings] : [];
    if (zone) warnings.push(...mergeZone(doc, zone, fields));
    else if (doc.keys.length > 0 && !warnings.includes('field_missing')) warnings.push('field_missing');
    return {
      status: 'recognized',
      cardType,
      fields,
      portraitBox: printed.status === 'recognized' ? printed.portraitBox : undefined,
      warnings: [...new Set(warnings)],
      unread: printed.status === 'recognized' ? printed.unread : undefined,
    };
  }

  private async readZone(
    page: OcrPage,
    doc: MrzVizDocument,
    context: RecognizerContext | undefined,
  ): Promise<MrzReading | undefined> {
    const engine = context
      ? {
          readRegions: (_image: unknown, _page: unknown, quads: readonly Quad[], options?: { minScore?: number }) =>
            context.readRegions(quads, options),
        }
      : undefined;
    const reading = await readMrz(page, {
      engine,
      image: context?.uprightImage(),
      referenceDate: this.today(),
    });
    if (!reading || !doc.formats.includes(reading.format)) return undefined;
    if (doc.codes && !doc.codes.includes(reading.fields.documentCode)) return undefined;
    return reading;
  }
}

const fold = (s: string): string => s.toUpperCase().replace(/[^A-Z0-9\u3400-\u9fff]/gu, '');

/** Fills `fields` from the zone per the document's keys; returns the warnings (cross-check, failed checks). */
function mergeZone(doc: MrzVizDocument, zone: MrzReading, fields: Record<string, FieldReading>): RecognitionWarning[] {
  const warnings: RecognitionWarning[] = [];
  const box = zone.boxes[0];
  const printed = { ...fields };
  for (const k of doc.keys) {
    const value = k.value(zone, printed);
    if (!value) continue;
    const checked = k.check ? zone.checks.find((c) => c.name === k.check) : undefined;
    const holds = checked ? checked.valid : zone.valid;
    const read = fields[k.key];
    if (k.printed && read) {
      const mismatch = k.printed.mrz
        ? crossCheckMrz([{ key: k.key, value: read.value, mrz: k.printed.mrz }], zone.fields).length > 0
        : fold(read.value) !== fold(value);
      if (mismatch) warnings.push(`mrz_mismatch:${k.key}`);
      if (k.printed.preferPrinted || !holds) continue;
    }
    if (!holds) warnings.push('checksum_failed');
    fields[k.key] = { value, confidence: holds ? ZONE_CONFIDENCE : 0.6, box };
  }
  return warnings;
}
