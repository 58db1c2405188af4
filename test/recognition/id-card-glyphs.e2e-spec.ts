import type { RecognitionService } from '@zhengjian/recognition';
import type { Level } from '../fixtures/degrade';
import { renderSpecimen } from '../fixtures/specimens';
import { localService } from './engine';

const SEED = 3100;

describe('one-glyph values and characters outside the dictionary, on generated fronts', () => {
  let service: RecognitionService;
  beforeAll(async () => {
    service = await localService();
  }, 120_000);

  const levels: Level[] = ['clean', 'scan', 'tilt', 'blur', 'noise', 'jpeg', 'dim', 'photo'];
  describe.each(['汉', '回', '苗', '藏'] as const)('民族 %s', (ethnicity) => {
    it.each(levels)(
      'is read at level %s',
      async (level) => {
        const seed = SEED + levels.indexOf(level);
        const specimen = await renderSpecimen({ kind: 'id-front', level, seed, person: { ethnicity } });
        const report = await service.recognize(2, specimen.data);
        expect(report.errorCode).toBe(0);
        expect(report.fields?.['民族']).toBe(ethnicity);
      },
      60_000,
    );
  });

  it.each(['周赟', '王翀', '张玗'])(
    'warns uncertain_characters with confidence under 0.9 when the name %s ends in a character the model lacks',
    async (name) => {
      const specimen = await renderSpecimen({ kind: 'id-front', level: 'clean', seed: SEED, person: { name } });
      const report = await service.recognize(2, specimen.data, { detail: true });
      expect(report.errorCode).toBe(0);
      expect(report.fields?.['姓名']).toBe(name.slice(0, 1));
      expect(report.detail?.warnings).toContain('uncertain_characters');
      expect(report.detail?.fields['姓名'].confidence).toBeLessThan(0.9);
    },
    60_000,
  );

  it('gives no uncertain_characters warning on clean cards read in full', async () => {
    const warned: string[] = [];
    for (let i = 0; i < 8; i++) {
      for (const [kind, cardType] of [
        ['id-front', 2],
        ['id-back', 3],
      ] as const) {
        const specimen = await renderSpecimen({ kind, level: 'clean', seed: SEED + 100 + i });
        const report = await service.recognize(cardType, specimen.data, { detail: true });
        if (report.detail?.warnings.includes('uncertain_characters')) warned.push(`${kind} seed ${SEED + 100 + i}`);
      }
    }
    expect(warned).toEqual([]);
  }, 180_000);
});
