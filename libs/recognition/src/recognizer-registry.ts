import type { Classifiable } from './classify/signature-score';
import type { Recognizer } from './recognizer';

/**
 * cardType → recognizer. Built once from the domain libraries' recognizers; a code may be served only once. Also
 * pools the signatures of every document the recognizers know ({@link Recognizer.documents}), for classification
 * across domains.
 */
export class RecognizerRegistry {
  private readonly byCardType = new Map<number, Recognizer>();
  private readonly signatures = new Map<number, Classifiable>();

  constructor(recognizers: Iterable<Recognizer>) {
    for (const recognizer of recognizers) {
      for (const code of recognizer.cardTypes) {
        if (this.byCardType.has(code)) throw new Error(`cardType ${code} has two recognizers`);
        this.byCardType.set(code, recognizer);
      }
      // One signature per cardType: the first recognizer that names it (composites repeat their candidates').
      for (const document of recognizer.documents ?? []) {
        if (!this.signatures.has(document.cardType)) this.signatures.set(document.cardType, document);
      }
    }
  }

  /** Every known document signature, one per cardType, served or not. */
  documents(): Classifiable[] {
    return [...this.signatures.values()];
  }

  get(cardType: number): Recognizer | undefined {
    return this.byCardType.get(cardType);
  }

  /** The cardTypes that have a recognizer, ascending. */
  supported(): number[] {
    return [...this.byCardType.keys()].sort((a, b) => a - b);
  }
}
