import { type OcrPage, type Quad, type Rect, pageQuadToSource, quadBounds } from '@zhengjian/ocr';
import { PLATE_PROVINCES, plate } from '@zhengjian/identifiers';
import type { Classifiable, RecognitionOutcome, Recognizer, RecognizerContext } from '@zhengjian/recognition';
import { type PlateCandidate, isPlateLikeText, plateCandidates } from './plate-candidates';
import { meanBrightness, plateColour } from './plate-colour';
import { plateTypeCode } from './plate-codes';
import { type PlateReading, readPlate } from './plate-reading';

export const PLATE_CARD_TYPE = 19;

interface Read {
  candidate: PlateCandidate;
  reading: PlateReading;
  score: number;
}

// Every correction lowers the plate's confidence: the reading needed the format to be accepted.
const CORRECTION_PENALTY = 0.9;
const EXTENT_RANK: Record<PlateCandidate['source'], number> = { frame: 0, colour: 1, text: 2 };
// Document text: lines with at least this many Chinese characters (labels, names, addresses).
const DOCUMENT_LINE_HAN = 4;
// A page with this many such lines around a black-on-white plate number is a document that prints the number.
const DOCUMENT_LINES = 3;

/**
 * cardType 19 (车牌): finds licence plates in a vehicle photo or a plate close-up and reads the best one.
 *
 * Plate regions come from the page's colour (blue, yellow, green paint of plate proportions), from OCR lines shaped like
 * a plate number (all colours, white and black included) and from the whole image when it has a plate's proportions.
 * Each region is read again as one line with the OCR's recognition model (upscaled to its line height) and checked
 * against GA 36-2018 with look-alike correction by position. The colour is measured on the plate's pixels (HSV).
 *
 * Result values: `车牌号` without the separator dot; `车牌颜色` and `车牌类型` the code of the seed's plate list
 * (1 blue, 2 black, 3 single-row yellow, 5 police, 10 embassy, 16 consulate, 17/18 small/large new energy, 0 unknown);
 * `整牌可信度` 0–100; `亮度评价` the plate's mean luma 0–255; `车牌运动方向` 0 (a still image has no motion);
 * `车牌位置(left_top_right_bottom)` `L_T_R_B` in pixels of the uploaded image.
 * Fails with 215305 when something plate-like is found (a line shaped like a plate number, a plate-coloured area
 * or close-up read as 4+ capitals and digits) but no reading passes GA 36, or when the page has no text at all; with
 * 215308 when the page has text but nothing plate-like, or lines of document text and no plate read, or shows a
 * black-on-white plate number among lines of document text (a 行驶证).
 */
export class PlateRecognizer implements Recognizer {
  readonly cardTypes = [PLATE_CARD_TYPE] as const;
  readonly documents: readonly Classifiable[] = [PLATE_SCENE];

  async recognize(page: OcrPage, _cardType: number, context?: RecognizerContext): Promise<RecognitionOutcome> {
    if (!context) throw new Error('the plate recognizer needs the page pixels');
    const image = context.uprightImage();
    const candidates = plateCandidates(image, page);
    const quads = candidates.map((c) => rectQuad(c.rect));
    // The page's turn is voted by the direction classifier over its text lines; on a plate alone (one short line) that
    // vote is weak, so a turned page also has its regions read the other way up and the better reading wins.
    const flipped = page.rotation === 0 ? [] : quads.map(flipQuad);
    // No score floor: a plate reading is judged by GA 36 and ranked by its score below.
    const results = await context.readRegions([...quads, ...flipped], { minScore: 0 });
    const reads: Read[] = [];
    let plateLike = false;
    candidates.forEach((candidate, i) => {
      const lines = flipped.length > 0 ? [results[i], results[quads.length + i]] : [results[i]];
      const texts = lines.map(({ text, score }) => ({ text, score }));
      if (candidate.text !== undefined) texts.push({ text: candidate.text, score: candidate.score ?? 0 });
      for (const { text, score } of texts) {
        if (isPlateLikeText(text) || (candidate.source !== 'text' && plateCharacters(text) >= 4)) plateLike = true;
        const reading = readPlate(text);
        if (reading) reads.push({ candidate, reading, score: score * CORRECTION_PENALTY ** reading.corrected });
      }
    });
    const best = reads.sort((a, b) => b.score - a.score)[0];
    if (!best) {
      // Without positive evidence of a plate, a page with text is another document; a page with none is unreadable.
      // A page of document text is another document even where some line looked plate-like (an MRZ, a code).
      if ((!plateLike || documentLines(page) >= DOCUMENT_LINES) && page.lines.length > 0) {
        return { status: 'failed', errorCode: 215308, detail: 'no licence plate found; the page carries other text' };
      }
      return { status: 'failed', errorCode: 215305, detail: `no plate number read in ${candidates.length} regions` };
    }
    // The plate's extent: of the regions that read the same number, the whole frame (a close-up), else the painted
    // area, else the text line grown by a margin.
    const rect = reads
      .filter((r) => r.reading.plate === best.reading.plate)
      .sort((a, b) => EXTENT_RANK[a.candidate.source] - EXTENT_RANK[b.candidate.source])[0].candidate.rect;
    const newEnergy = best.reading.parse.kind === 'newEnergySmall' || best.reading.parse.kind === 'newEnergyLarge';
    // Green paint is for new-energy plates only (GA 36-2018): an ordinary plate that measures green has a colour cast.
    const colour = plateColour(
      image,
      best.candidate.core,
      newEnergy ? undefined : ['blue', 'yellow', 'white', 'black'],
    );
    // A plate number printed in black on a page of document text is a 行驶证 or a form, not a plate.
    if (documentLines(page) >= DOCUMENT_LINES && (colour === undefined || colour === 'white')) {
      return { status: 'failed', errorCode: 215308, detail: 'a plate number printed on a document, not a plate' };
    }
    const code = String(plateTypeCode(best.reading.parse, colour));
    const box = rectQuad(rect);
    const confidence = Math.round(best.score * 100) / 100;
    const field = (value: string) => ({ value, confidence, box });
    return {
      status: 'recognized',
      cardType: PLATE_CARD_TYPE,
      fields: {
        车牌号: field(best.reading.plate),
        车牌颜色: field(code),
        车牌类型: field(code),
        整牌可信度: field(String(Math.round(best.score * 100))),
        亮度评价: field(String(meanBrightness(image, rect))),
        车牌运动方向: field('0'),
        '车牌位置(left_top_right_bottom)': field(sourcePosition(rect, page, context.mirrored === true)),
      },
      warnings: [],
    };
  }
}

const PLATE_START = new RegExp(`[${PLATE_PROVINCES}使]`, 'g');

/** A GA 36 plate number read on one line (separator dot and spaces ignored), 7 or 8 characters. */
export function hasPlateNumber(pageText: string): boolean {
  return pageText.split('\n').some((line) => {
    const compact = line.replace(/[\s·•．.]/g, '').toUpperCase();
    return [...compact.matchAll(PLATE_START)].some(
      (m) => plate.isValid(compact.slice(m.index, m.index + 7)) || plate.isValid(compact.slice(m.index, m.index + 8)),
    );
  });
}

/**
 * A plate as a classification signature: a plate number on the page, 1 point, enough to hold. It shows a plate photo
 * sent as a document (nothing of the document on it) as another document; on a 行驶证, which prints the number too,
 * the licence's own signature outscores it.
 */
export const PLATE_SCENE: Classifiable = {
  cardType: PLATE_CARD_TYPE,
  signature: { titles: [], labels: [], tokens: [hasPlateNumber], threshold: 1 },
};

function rectQuad(r: Rect): Quad {
  const [x0, y0, x1, y1] = [r.left, r.top, r.left + r.width, r.top + r.height];
  return [
    { x: x0, y: y0 },
    { x: x1, y: y0 },
    { x: x1, y: y1 },
    { x: x0, y: y1 },
  ];
}

/** The same region, its corners listed from the bottom-right: read upside down. */
function flipQuad(q: Quad): Quad {
  return [q[2], q[3], q[0], q[1]];
}

/**
 * `L_T_R_B` of the rect in the uploaded image: the page mapped back to the decoded image (`pageQuadToSource`: the
 * quarter turn and any deskew), then flipped back left to right when the page was read from the upload's mirror image.
 */
function sourcePosition(rect: Rect, page: OcrPage, mirrored: boolean): string {
  const source = pageQuadToSource(rectQuad(rect), page);
  const turned = page.rotation === 90 || page.rotation === 270;
  const w = page.warp?.sourceWidth ?? (turned ? page.height : page.width);
  const h = page.warp?.sourceHeight ?? (turned ? page.width : page.height);
  const b = quadBounds(source, w, h);
  const [left, right] = mirrored ? [w - b.left - b.width, w - b.left] : [b.left, b.left + b.width];
  return `${left}_${b.top}_${right}_${b.top + b.height}`;
}

function plateCharacters(text: string): number {
  return (text.match(/[A-Z0-9]/g) ?? []).length;
}

function documentLines(page: OcrPage): number {
  return page.lines.filter((l) => (l.text.match(/[\u4e00-\u9fff]/g) ?? []).length >= DOCUMENT_LINE_HAN).length;
}
