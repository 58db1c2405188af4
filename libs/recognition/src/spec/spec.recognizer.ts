import type { OcrPage } from '@zhengjian/ocr';
import { classify } from '../classify/classify';
import { type Classifiable, legibleLines, scoreSignatures } from '../classify/signature-score';
import { PageLayout } from '../layout/page-layout';
import type { DocumentRecognizer, RecognitionOutcome, RecognizerContext } from '../recognizer';
import type { DocumentSpec } from './document-spec';
import { assertSpecKeys, readSpec } from './spec-reader';

/**
 * A document read by another recognizer (one not written as a spec, e.g. one read from its pixels), given with its
 * signature so that classification and composites can include it.
 */
export interface ForeignDocument extends Classifiable {
  recognizer: DocumentRecognizer;
}

export interface SpecRecognizerOptions {
  /** The documents read from specs. */
  specs: readonly DocumentSpec[];
  /** Further documents known by signature, read by their own recognizer (only under a composite here). */
  foreign?: readonly ForeignDocument[];
  /** Composite cardTypes (auto-classification) → their candidate cardTypes. */
  composites?: Readonly<Record<number, readonly number[]>>;
  /** The cardTypes this instance answers (default: every spec's and composite's). */
  serves?: readonly number[];
  /** Today's date (decides `expired`); default: the clock. */
  today?: () => Date;
}

/**
 * The one recognizer of declarative specs. Per page: every known document's signature is scored once, the request
 * (one cardType, or a composite's candidates) is decided by `classify` (215308 another document, 215305 nothing
 * legible), and the chosen spec is read by `readSpec`. Under a composite the outcome's `cardType` is the detected
 * type (the envelope then adds `证件类型`).
 */
export class SpecRecognizer implements DocumentRecognizer {
  readonly cardTypes: readonly number[];
  private readonly specs = new Map<number, DocumentSpec>();
  private readonly foreign = new Map<number, ForeignDocument>();
  /** Every document this instance classifies against: its specs and the foreign documents. */
  readonly documents: readonly Classifiable[];
  private readonly composites: Readonly<Record<number, readonly number[]>>;
  private readonly today: () => Date;
  private readonly companions: Record<number, readonly number[]> = {};

  constructor(options: SpecRecognizerOptions) {
    for (const spec of options.specs) {
      assertSpecKeys(spec);
      this.specs.set(spec.cardType, spec);
    }
    for (const doc of options.foreign ?? []) this.foreign.set(doc.cardType, doc);
    this.documents = [...options.specs, ...(options.foreign ?? [])];
    for (const doc of this.documents)
      if (doc.signature.companions) this.companions[doc.cardType] = doc.signature.companions;
    this.composites = options.composites ?? {};
    for (const [code, candidates] of Object.entries(this.composites)) {
      const unknown = candidates.find((c) => !this.specs.has(c) && !this.foreign.has(c));
      if (unknown !== undefined) throw new Error(`composite ${code} names cardType ${unknown}, which is not known`);
    }
    this.cardTypes = options.serves ?? [...this.specs.keys(), ...Object.keys(this.composites).map(Number)];
    this.today = options.today ?? (() => new Date());
  }

  /** With `context`, specs that read pixels (a QR code) get the upright page lazily; without, they read text only. */
  recognize(page: OcrPage, cardType: number, context?: Pick<RecognizerContext, 'uprightImage'>): RecognitionOutcome {
    const layout = new PageLayout(page);
    const candidates = this.composites[cardType] ?? [cardType];
    const decision = classify(
      scoreSignatures(layout, this.documents),
      candidates,
      legibleLines(layout.lines),
      this.companions,
    );
    if (decision.status === 'failed') return decision;
    const spec = this.specs.get(decision.cardType);
    if (spec)
      return readSpec(layout, spec, this.today().toISOString().slice(0, 10), context && (() => context.uprightImage()));
    return this.foreign.get(decision.cardType)!.recognizer.recognize(page, decision.cardType);
  }
}
