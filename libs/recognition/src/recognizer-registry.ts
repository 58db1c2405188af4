import type { Recognizer } from './recognizer';

/** cardType → recognizer. Built once from the domain libraries' recognizers; a code may be served only once. */
export class RecognizerRegistry {
  private readonly byCardType = new Map<number, Recognizer>();

  constructor(recognizers: Iterable<Recognizer>) {
    for (const recognizer of recognizers) {
      for (const code of recognizer.cardTypes) {
        if (this.byCardType.has(code)) throw new Error(`cardType ${code} has two recognizers`);
        this.byCardType.set(code, recognizer);
      }
    }
  }

  get(cardType: number): Recognizer | undefined {
    return this.byCardType.get(cardType);
  }

  /** The cardTypes that have a recognizer, ascending. */
  supported(): number[] {
    return [...this.byCardType.keys()].sort((a, b) => a - b);
  }
}
