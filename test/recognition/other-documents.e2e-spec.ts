import type { RecognitionService } from '@zhengjian/recognition';
import { renderSpecimen } from '../fixtures/specimens';
import { localService } from './engine';

/**
 * Pages of other documents sent as an ID card: whatever they are, none shows evidence of the requested side, so the
 * answer is 215308 (not billed), never 215305. The generator draws each kind; the recognizers know none of them.
 */
describe('another document sent as a resident ID card (2, 3, 101)', () => {
  let service: RecognitionService;
  beforeAll(async () => {
    service = await localService();
  }, 120_000);

  const kinds = ['passport', 'receipt', 'form', 'prose', 'bank-card', 'business-licence'] as const;
  describe.each(kinds)('%s', (kind) => {
    it.each(['clean', 'photo'] as const)(
      'answers 215308 to cardTypes 2, 3 and 101 (level %s)',
      async (level) => {
        const specimen = await renderSpecimen({ kind, level, seed: 2100 + kinds.indexOf(kind) });
        const codes: number[] = [];
        for (const cardType of [2, 3, 101]) codes.push((await service.recognize(cardType, specimen.data)).errorCode);
        expect(codes).toEqual([215308, 215308, 215308]);
      },
      60_000,
    );
  });
});
