import { decodeImage, OcrEngine, type RgbImage } from '@zhengjian/ocr';
import { degrade, type Level } from '../../../test/fixtures/degrade';
import { createRng } from '../../../test/fixtures/prng';
import {
  csLine,
  renderMrzBand,
  SAMPLE_MRZ_HOLDER,
  SAMPLE_PERMIT_MRZ,
  sampleMrzZones,
  td3Lines,
} from '../../../test/fixtures/mrz-band';
import { parseMrz } from './mrz-parser';
import { readMrz } from './mrz-reader';

const REFERENCE = new Date('2026-01-01T00:00:00Z');

const HOLDER = SAMPLE_MRZ_HOLDER;
const PERMIT = SAMPLE_PERMIT_MRZ;
const ZONES = sampleMrzZones();

jest.setTimeout(300_000);

describe('generated MRZ bands read back through the OCR engine', () => {
  let engine: OcrEngine;
  beforeAll(async () => {
    engine = await OcrEngine.create({ threads: 2 });
  });

  it('builds zones whose check digits are all valid', () => {
    expect(td3Lines(HOLDER)).toEqual([
      'P<CHNZHANG<<WEIMING<<<<<<<<<<<<<<<<<<<<<<<<<',
      'E123456782CHN8807168M3103016LCOCPLNB<<<<<<10',
    ]);
    expect(csLine(PERMIT)).toBe('CSC012345672<3405053<9502127<4');
    for (const [, lines] of ZONES)
      expect(parseMrz(lines, { referenceDate: REFERENCE, correct: false }).valid).toBe(true);
  });

  it.each(ZONES)('reads the %s zone exactly', async (_name, lines) => {
    const image = renderMrzBand(lines);
    const mrz = await readMrz(await engine.read(image), { engine, image, referenceDate: REFERENCE });
    expect(mrz?.lines).toEqual(lines);
    expect(mrz?.valid).toBe(true);
  });
});

/** The band as a photographed or scanned document (the fixture generator's degradations, fixed seed). */
async function degraded(band: RgbImage, level: Level): Promise<RgbImage> {
  const rgba = Buffer.alloc(band.width * band.height * 4, 255);
  for (let i = 0, j = 0; j < band.data.length; i += 4, j += 3) band.data.copy(rgba, i, j, j + 3);
  const file = await degrade({ width: band.width, height: band.height, data: rgba }, level, createRng(7));
  return (await decodeImage(file.data)).rgb;
}

describe('degraded generated MRZ bands', () => {
  let engine: OcrEngine;
  beforeAll(async () => {
    engine = await OcrEngine.create({ threads: 2 });
  });

  // Cases read exactly today (the benchmark lists the others): a regression makes one fail.
  it.each([
    ['blur', 'TD3'],
    ['jpeg', 'TD3'],
    ['tilt', 'TD3'],
    ['perspective', 'TD3'],
    ['scan', 'TD1 with a 12-character document number'],
    ['blur', 'CS line'],
    ['photo', 'CS line'],
  ] as const)('reads the %s %s zone exactly', async (level, name) => {
    const lines = ZONES.find(([n]) => n === name)![1];
    const image = await degraded(renderMrzBand(lines), level);
    const mrz = await readMrz(await engine.read(image), { engine, image, referenceDate: REFERENCE });
    expect(mrz?.lines).toEqual(lines);
  });
});
