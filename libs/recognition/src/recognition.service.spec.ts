import sharp from 'sharp';
import type { OcrPage, Quad, RgbImage } from '@zhengjian/ocr';
import { looksMirrored, RecognitionService } from './recognition.service';
import { RecognizerRegistry } from './recognizer-registry';
import type { FieldReading, RecognitionOutcome, Recognizer, RecognizerContext } from './recognizer';
import { toEnvelope } from './envelope';

const box = (left: number, top: number, right: number, bottom: number): Quad => [
  { x: left, y: top },
  { x: right, y: top },
  { x: right, y: bottom },
  { x: left, y: bottom },
];
const emptyPage = (image: RgbImage): OcrPage => ({ width: image.width, height: image.height, rotation: 0, lines: [] });

/** A recognizer that answers a fixed outcome, to test the service's own rules. */
class FixedRecognizer implements Recognizer {
  constructor(
    readonly cardTypes: readonly number[],
    private readonly outcome: RecognitionOutcome,
  ) {}
  recognize(): RecognitionOutcome {
    return this.outcome;
  }
}

const frontOutcome: RecognitionOutcome = {
  status: 'recognized',
  cardType: 2,
  fields: { 公民身份号码: { value: '11010519491231002X', confidence: 0.99 }, 姓名: { value: '测试', confidence: 0.9 } },
  portraitBox: [
    { x: 10, y: 10 },
    { x: 40, y: 10 },
    { x: 40, y: 50 },
    { x: 10, y: 50 },
  ],
  warnings: [],
};

describe(RecognitionService.name, () => {
  let jpeg: Buffer;
  let png: Buffer;
  const reader = { read: async (image: RgbImage) => emptyPage(image) };

  beforeAll(async () => {
    const create = { width: 64, height: 64, channels: 3 as const, background: '#888' };
    jpeg = await sharp({ create }).jpeg().toBuffer();
    png = await sharp({ create }).png().toBuffer();
  });

  it('orders result keys as the catalogue does, fills missing ones with "" and crops the portrait', async () => {
    const service = new RecognitionService(reader, new RecognizerRegistry([new FixedRecognizer([2], frontOutcome)]));
    const envelope = toEnvelope(await service.recognize(2, jpeg), {
      orderid: 'JH0000000000000000000001',
      userid: 'u1',
    });
    expect(Object.keys(envelope.result!)).toEqual([
      '保留',
      '姓名',
      '性别',
      '民族',
      '出生',
      '住址',
      '公民身份号码',
      '头像',
      'orderid',
      'userid',
    ]);
    expect(envelope.result!['性别']).toBe('');
    const portrait = await sharp(Buffer.from(envelope.result!['头像'] as string, 'base64')).metadata();
    expect([portrait.format, portrait.width, portrait.height]).toEqual(['jpeg', 30, 40]);
  });

  it("adds 证件类型 after the detected type's keys under auto-classification (101)", async () => {
    const service = new RecognitionService(reader, new RecognizerRegistry([new FixedRecognizer([101], frontOutcome)]));
    const envelope = toEnvelope(await service.recognize(101, jpeg));
    expect(Object.keys(envelope.result!).slice(-2)).toEqual(['头像', '证件类型']);
    expect(envelope.result!['证件类型']).toBe('2');
  });

  it('accepts only JPEG for bank cards (17): 215304 for a PNG', async () => {
    const bank: RecognitionOutcome = { status: 'recognized', cardType: 17, fields: {}, warnings: [] };
    const service = new RecognitionService(reader, new RecognizerRegistry([new FixedRecognizer([17], bank)]));
    expect((await service.recognize(17, png)).errorCode).toBe(215304);
    expect((await service.recognize(17, jpeg)).errorCode).toBe(0);
  });

  it('passes a recognizer failure through with its code and the table reason', async () => {
    const failed: RecognitionOutcome = { status: 'failed', errorCode: 215305, detail: 'unreadable' };
    const service = new RecognitionService(reader, new RecognizerRegistry([new FixedRecognizer([3], failed)]));
    expect(toEnvelope(await service.recognize(3, jpeg))).toEqual({
      error_code: 215305,
      reason: '识别失败!',
      result: null,
    });
  });

  it('answers 215308 before any recognizer when a document another recognizer knows clearly shows', async () => {
    const textPage = (texts: string[]) => ({
      read: async (image: RgbImage): Promise<OcrPage> => ({
        ...emptyPage(image),
        lines: texts.map((text, i) => ({ text, score: 0.99, box: box(10, 10 + 40 * i, 300, 40 + 40 * i) })),
      }),
    });
    const licence: Recognizer = {
      cardTypes: [5],
      documents: [{ cardType: 5, signature: { titles: ['机动车驾驶证'], labels: ['准驾车型', '初次领证日期'] } }],
      recognize: () => ({ status: 'failed', errorCode: 215305, detail: 'not asked' }),
    };
    const front = Object.assign(new FixedRecognizer([2], frontOutcome), {
      documents: [{ cardType: 2, signature: { titles: [], labels: ['民族'] } }],
    });
    const registry = new RecognizerRegistry([front, licence]);
    expect(registry.documents().map((d) => d.cardType)).toEqual([2, 5]);
    const licencePage = textPage(['中华人民共和国机动车驾驶证', '准驾车型C1', '初次领证日期2010-01-01']);
    const refused = await new RecognitionService(licencePage, registry).recognize(2, jpeg);
    expect(refused).toMatchObject({ errorCode: 215308, failureDetail: 'the image shows cardType 5' });
    // A page without the licence's cues goes to the asked type's recognizer.
    const read = await new RecognitionService(textPage(['民族汉']), registry).recognize(2, jpeg);
    expect(read.errorCode).toBe(0);
  });

  it('reads the regions a recognizer names as unread and asks it once more with those lines', async () => {
    const region: Quad = [
      { x: 20, y: 5 },
      { x: 50, y: 5 },
      { x: 50, y: 20 },
      { x: 20, y: 20 },
    ];
    const pages: OcrPage[] = [];
    const recognizer: Recognizer = {
      cardTypes: [2],
      recognize: (page) => {
        pages.push(page);
        const ethnic = page.lines.find((l) => l.text === '汉');
        const fields: Record<string, FieldReading> = ethnic
          ? { 民族: { value: ethnic.text, confidence: ethnic.score } }
          : {};
        return { status: 'recognized', cardType: 2, fields, warnings: [], unread: [region] };
      },
    };
    const asked: Quad[][] = [];
    const regionReader = {
      ...reader,
      readRegions: async (_image: RgbImage, _page: unknown, quads: readonly Quad[]) => {
        asked.push([...quads]);
        return quads.map((box) => ({ text: '汉', score: 0.97, box }));
      },
    };
    const service = new RecognitionService(regionReader, new RecognizerRegistry([recognizer]));
    const report = await service.recognize(2, jpeg);
    expect(report.fields?.['民族']).toBe('汉');
    expect(asked).toEqual([[region]]);
    expect(pages.map((p) => p.lines.length)).toEqual([0, 1]);
  });

  it('cuts an unread region down to its ink, reads it with a few margins and marks what it reads as sought', async () => {
    // A 200×40 page with one dark glyph at x 150–170 of a region spanning the row from x 10.
    const glyph = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#111' } })
      .png()
      .toBuffer();
    const image = await sharp({ create: { width: 200, height: 40, channels: 3, background: '#f0f0f0' } })
      .composite([{ input: glyph, left: 150, top: 10 }])
      .png()
      .toBuffer();
    const lines: OcrPage['lines'][] = [];
    const recognizer: Recognizer = {
      cardTypes: [2],
      recognize: (page) => {
        lines.push(page.lines);
        return { status: 'recognized', cardType: 2, fields: {}, warnings: [], unread: [box(10, 5, 200, 35)] };
      },
    };
    const asked: Quad[] = [];
    const regionReader = {
      read: async (img: RgbImage) => emptyPage(img),
      readRegions: async (_image: RgbImage, _page: unknown, quads: readonly Quad[]) => {
        asked.push(...quads);
        return quads.map((q) => ({ text: '彝', score: 0.8, box: q }));
      },
    };
    await new RecognitionService(regionReader, new RecognizerRegistry([recognizer])).recognize(2, image);
    // The glyph at x 150–170 read with three margins; the first of equally confident readings is kept.
    expect(asked.map((q) => [Math.round(q[0].x), Math.round(q[1].x)])).toEqual([
      [143, 176],
      [138, 181],
      [133, 186],
    ]);
    expect(lines[1]).toEqual([{ text: '彝', score: 0.8, box: asked[0], sought: true }]);
  });

  it('refuses two recognizers for one cardType', () => {
    expect(
      () => new RecognizerRegistry([new FixedRecognizer([2], frontOutcome), new FixedRecognizer([2], frontOutcome)]),
    ).toThrow('cardType 2 has two recognizers');
  });

  it('gives a scene recognizer the upright pixels and the region reader, and awaits its outcome', async () => {
    // A 64×32 upload the OCR turned by 90°: the recognizer sees the 32×64 upright page; the region it reads (in
    // upright-page pixels) goes to the engine's one region reader with the uploaded image and the page's turn.
    const wide = await sharp({ create: { width: 64, height: 32, channels: 3, background: '#888' } })
      .jpeg()
      .toBuffer();
    const seen: { size?: [number, number]; read?: string } = {};
    const scene: Recognizer = {
      cardTypes: [19],
      async recognize(_page, _cardType, context?: RecognizerContext): Promise<RecognitionOutcome> {
        const upright = context!.uprightImage();
        seen.size = [upright.width, upright.height];
        const [region] = await context!.readRegions(
          [
            [
              { x: 0, y: 0 },
              { x: 8, y: 0 },
              { x: 8, y: 8 },
              { x: 0, y: 8 },
            ],
          ],
          { minScore: 0 },
        );
        seen.read = region.text;
        return { status: 'failed', errorCode: 215305, detail: 'test' };
      },
    };
    const turned = {
      read: async (image: RgbImage) => ({ width: image.height, height: image.width, rotation: 90 as const, lines: [] }),
      readRegions: async (
        image: RgbImage,
        page: Pick<OcrPage, 'rotation'>,
        quads: readonly Quad[],
        options?: { minScore?: number },
      ) => [
        { text: `${image.width}x${image.height} r${page.rotation} min${options?.minScore}`, score: 1, box: quads[0] },
      ],
    };
    const report = await new RecognitionService(turned, new RecognizerRegistry([scene])).recognize(19, wide);
    expect(report.errorCode).toBe(215305);
    expect(seen).toEqual({ size: [32, 64], read: '64x32 r90 min0' });
  });

  describe('a scene whose only text was dropped as illegible (a mirrored plate or VIN)', () => {
    // The recognizer reads the document only from the mirror image, as a plate's characters read only unflipped.
    const mirrorOnly: Recognizer = {
      cardTypes: [2],
      recognize: (_page, _cardType, context?: RecognizerContext): RecognitionOutcome =>
        context?.mirrored ? frontOutcome : { status: 'failed', errorCode: 215305, detail: 'test' },
    };
    const readerSeeing = (illegibleLines: number) => {
      const reads: number[] = [];
      const read = async (image: RgbImage): Promise<OcrPage> => {
        reads.push(image.data[0]);
        return { ...emptyPage(image), illegibleLines };
      };
      return { reads, reader: { read } };
    };

    it('is read once more flipped left to right and answered with the warning mirrored', async () => {
      // Left half black, right half white: the flipped image starts with a white pixel.
      const halves = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#fff' } })
        .composite([{ input: { create: { width: 32, height: 64, channels: 3, background: '#000' } }, left: 0, top: 0 }])
        .png()
        .toBuffer();
      const { reads, reader: seeing } = readerSeeing(1);
      const report = await new RecognitionService(seeing, new RecognizerRegistry([mirrorOnly])).recognize(2, halves, {
        detail: true,
      });
      expect(report.errorCode).toBe(0);
      expect(report.fields?.['公民身份号码']).toBe('11010519491231002X');
      expect(report.detail?.warnings).toContain('mirrored');
      expect(reads).toEqual([0, 255]);
    });

    it('is read once when no text was seen at all, and fails with 215305', async () => {
      const { reads, reader: blind } = readerSeeing(0);
      const report = await new RecognitionService(blind, new RecognizerRegistry([mirrorOnly])).recognize(2, jpeg);
      expect(report.errorCode).toBe(215305);
      expect(reads).toHaveLength(1);
    });
  });

  describe('an identifier that fails its check on a page of unsure text (a mirrored VIN read as letters)', () => {
    const brokenUnlessMirrored: Recognizer = {
      cardTypes: [2],
      recognize: (_page, _cardType, context?: RecognizerContext): RecognitionOutcome =>
        context?.mirrored ? frontOutcome : { ...frontOutcome, warnings: ['checksum_failed'] },
    };
    const readerScoring = (score: number) => {
      let reads = 0;
      const line = { text: 'rB35anns3ea20es28', score, box: box(0, 0, 10, 10) };
      const read = async (image: RgbImage): Promise<OcrPage> => {
        reads++;
        return { ...emptyPage(image), lines: [line, line, line] };
      };
      return { reads: () => reads, reader: { read } };
    };

    it('gives way to the mirror image when that one passes', async () => {
      const { reads, reader: unsure } = readerScoring(0.7);
      const report = await new RecognitionService(unsure, new RecognizerRegistry([brokenUnlessMirrored])).recognize(
        2,
        jpeg,
        { detail: true },
      );
      expect(report.errorCode).toBe(0);
      expect(report.detail?.warnings).toEqual(expect.arrayContaining(['mirrored']));
      expect(report.detail?.warnings).not.toContain('checksum_failed');
      expect(reads()).toBe(2);
    });

    it('stays as read when the mirror image passes only by lacking the identifier', async () => {
      const { reads, reader: unsure } = readerScoring(0.7);
      const withoutNumber: Recognizer = {
        cardTypes: [2],
        recognize: (_page, _cardType, context?: RecognizerContext): RecognitionOutcome => {
          if (!context?.mirrored) return { ...frontOutcome, warnings: ['checksum_failed'] };
          const { 公民身份号码: _number, ...rest } = frontOutcome.fields;
          return { ...frontOutcome, fields: rest };
        },
      };
      const report = await new RecognitionService(unsure, new RecognizerRegistry([withoutNumber])).recognize(2, jpeg, {
        detail: true,
      });
      expect(report.errorCode).toBe(0);
      expect(report.detail?.warnings).toContain('checksum_failed');
      expect(report.detail?.warnings).not.toContain('mirrored');
      expect(reads()).toBe(2);
    });

    it('stays as read, warned checksum_failed, on a page of clear text', async () => {
      const { reads, reader: clear } = readerScoring(0.95);
      const report = await new RecognitionService(clear, new RecognizerRegistry([brokenUnlessMirrored])).recognize(
        2,
        jpeg,
        { detail: true },
      );
      expect(report.errorCode).toBe(0);
      expect(report.detail?.warnings).toContain('checksum_failed');
      expect(report.detail?.warnings).not.toContain('mirrored');
      expect(reads()).toBe(1);
    });
  });

  describe(looksMirrored.name, () => {
    const line = (text: string, score = 0.9) => ({ text, score, box: box(0, 0, 10, 10) });
    const page = (...lines: OcrPage['lines']): OcrPage => ({ width: 100, height: 100, rotation: 0, lines });

    it("is true for another document's verdict when a line reads as an MRZ's fillers turned round", () => {
      const mirroredMrz = page(line('南', 1), line('业', 0.99), line('>>>>>>>>>>>>AIH>HIHO>>DHHTO', 0.87));
      expect(looksMirrored(mirroredMrz, 215308)).toBe(true);
    });

    it('is false for another document of clear text with an upright MRZ', () => {
      const upright = page(line('姓名', 1), line('郑杰家', 0.99), line('CTCHNCHENG<<CHIEH<CHIA<<<<<<<<<<<<<<', 0.95));
      expect(looksMirrored(upright, 215308)).toBe(false);
    });
  });
});
