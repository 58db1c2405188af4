import { chineseName, type DocumentSpec, token } from '@zhengjian/recognition';
import { line, page } from '../../recognition/testing/ocr-page';
import { MrzDocumentRecognizer } from './mrz-document.recognizer';
import { type MrzDocument, mrzLineToken } from './mrz-fields';

// ICAO 9303-4 Appendix A specimen (Utopia): the zone's check digits hold.
const ZONE = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];

/** A minimal passport spec on cardType 13's keys: the printed number and name, the zone's dates and lines. */
const SPEC: DocumentSpec = {
  cardType: 13,
  signature: { titles: ['护照'], labels: ['护照号'], tokens: [mrzLineToken(/^P/)], threshold: 2 },
  fields: [
    { key: '护照号码', labels: ['护照号'], at: 'below', parse: token(/[A-Z0-9]{9}/) },
    { key: '本国姓名', labels: ['姓名'], at: 'below', parse: chineseName() },
  ],
  required: ['护照号码'],
};

const DOCUMENT: MrzDocument = {
  spec: SPEC,
  formats: ['TD3'],
  zone: [
    { key: 'MRZ1', from: (z) => z.lines[0] },
    { key: '出生日期', from: 'birthDate', check: 'birthDate' },
    { key: '有效期至', from: 'expiryDate', check: 'expiryDate' },
  ],
  viz: [{ key: '护照号码', from: 'documentNumber', check: 'documentNumber' }],
};

const recognizerOf = (document: MrzDocument) =>
  new MrzDocumentRecognizer({ documents: [document], today: () => new Date('2026-11-30T00:00:00Z') });
const recognizer = recognizerOf(DOCUMENT);

function passportPage(number: string | undefined, zone: readonly string[] = ZONE) {
  return page([
    line('护照', 400, 20, 80, 40),
    line('护照号', 600, 80, 90, 30),
    ...(number ? [line(number, 600, 115, 200, 34)] : []),
    line('姓名', 300, 180, 60, 30),
    line('安娜', 300, 215, 90, 34),
    line(zone[0], 40, 600, 920, 34),
    line(zone[1], 40, 645, 920, 34),
  ]);
}

const values = (outcome: Awaited<ReturnType<MrzDocumentRecognizer['recognize']>>) =>
  outcome.status === 'recognized'
    ? Object.fromEntries(Object.entries(outcome.fields).map(([k, f]) => [k, f.value]))
    : outcome;

describe(MrzDocumentRecognizer.name, () => {
  it('fills the zone keys and keeps printed values that agree with the zone', async () => {
    const outcome = await recognizer.recognize(passportPage('L898902C3'), 13);
    expect(values(outcome)).toEqual({
      护照号码: 'L898902C3',
      本国姓名: '安娜',
      MRZ1: ZONE[0],
      出生日期: '1974-08-12',
      有效期至: '2012-04-15',
    });
    expect(outcome.status === 'recognized' && outcome.warnings).toEqual([]);
  });

  it('flags a printed value that disagrees with a checked zone field and returns the zone value', async () => {
    const outcome = await recognizer.recognize(passportPage('L898902G3'), 13);
    expect(values(outcome)).toMatchObject({ 护照号码: 'L898902C3' });
    expect(outcome.status === 'recognized' && outcome.warnings).toEqual(['mrz_mismatch:护照号码']);
  });

  it('fills an unread printed field from the zone', async () => {
    expect(values(await recognizer.recognize(passportPage(undefined), 13))).toMatchObject({ 护照号码: 'L898902C3' });
  });

  it('returns a zone field whose check digit fails as read, flagged checksum_failed', async () => {
    const broken = [ZONE[0], ZONE[1].replace('7408122', '7408132')];
    const outcome = await recognizer.recognize(passportPage('L898902C3', broken), 13);
    expect(values(outcome)).toMatchObject({ 出生日期: '1974-08-13' });
    expect(outcome.status === 'recognized' && outcome.warnings).toContain('checksum_failed');
  });

  it('keeps a printed value the document prefers to the zone, and still flags the disagreement', async () => {
    const prefers = recognizerOf({
      ...DOCUMENT,
      viz: [{ key: '护照号码', from: 'documentNumber', check: 'documentNumber', preferPrinted: true }],
    });
    const outcome = await prefers.recognize(passportPage('L898902G3'), 13);
    expect(values(outcome)).toMatchObject({ 护照号码: 'L898902G3' });
    expect(outcome.status === 'recognized' && outcome.warnings).toEqual(['mrz_mismatch:护照号码']);
  });

  it('returns a state code corrected against ICAO 9303-3 with a lowered confidence', async () => {
    const withState = recognizerOf({ ...DOCUMENT, zone: [{ key: '签发国代码', from: 'issuingState' }] });
    const read = [ZONE[0].replace('UTO', 'OHN'), ZONE[1]];
    const outcome = await withState.recognize(passportPage('L898902C3', read), 13);
    expect(outcome.status === 'recognized' && outcome.fields['签发国代码']).toMatchObject({
      value: 'CHN',
      confidence: 0.98 * 0.9,
    });
    const listed = await withState.recognize(passportPage('L898902C3'), 13);
    expect(listed.status === 'recognized' && listed.fields['签发国代码']).toMatchObject({
      value: 'UTO',
      confidence: 0.98,
    });
  });

  it('reads a page whose print is illegible from its zone, unless the document needs its print', async () => {
    const zoneOnly = page([line(ZONE[0], 40, 600, 920, 34), line(ZONE[1], 40, 645, 920, 34)]);
    expect(values(await recognizer.recognize(zoneOnly, 13))).toEqual({
      护照号码: 'L898902C3',
      MRZ1: ZONE[0],
      出生日期: '1974-08-12',
      有效期至: '2012-04-15',
    });
    expect(await recognizerOf({ ...DOCUMENT, needsPrint: true }).recognize(zoneOnly, 13)).toMatchObject({
      status: 'failed',
      errorCode: 215305,
    });
  });

  it('ignores a zone whose document code is not the document’s, and flags the zone keys missing', async () => {
    const outcome = await recognizerOf({ ...DOCUMENT, codes: ['PO'] }).recognize(passportPage('L898902C3'), 13);
    expect(values(outcome)).toEqual({ 护照号码: 'L898902C3', 本国姓名: '安娜' });
    expect(outcome.status === 'recognized' && outcome.warnings).toEqual(['field_missing']);
  });

  it('answers 215308 for a page with legible text and neither the printed cues nor a zone', async () => {
    const other = page(
      ['营业执照', '名称', '某某有限公司', '类型', '有限责任公司'].map((t, i) => line(t, 50, 40 + 60 * i, 300, 34)),
    );
    expect(await recognizer.recognize(other, 13)).toMatchObject({ status: 'failed', errorCode: 215308 });
  });

  it('refuses a zone key that is not a result key of the cardType', () => {
    expect(
      () =>
        new MrzDocumentRecognizer({
          documents: [{ spec: SPEC, formats: ['TD3'], zone: [{ key: '姓名', from: 'surname' }] }],
        }),
    ).toThrow('cardType 13 has no result key 姓名');
  });
});
