import type { RecognitionOutcome } from '@zhengjian/recognition';
import {
  hmtResidenceBackPage,
  hmtResidenceFrontPage,
  residentIdFrontPage,
} from '../../testing/identity-document-pages';
import { IDENTITY_DOCUMENT_SPECS, identityDocumentsRecognizer } from './identity-documents';

const recognizer = identityDocumentsRecognizer(
  IDENTITY_DOCUMENT_SPECS.map((s) => s.cardType),
  () => new Date('2026-11-30T00:00:00Z'),
);
const values = (outcome: RecognitionOutcome) =>
  outcome.status === 'recognized'
    ? Object.fromEntries(Object.entries(outcome.fields).map(([k, f]) => [k, f.value]))
    : outcome;

describe('港澳台居民居住证 (cardTypes 31 and 32)', () => {
  it('reads the front of a Hong Kong resident permit (cardType 31)', () => {
    const outcome = recognizer.recognize(hmtResidenceFrontPage(), 31);
    expect(values(outcome)).toEqual({
      姓名: '何嘉欣',
      性别: '女',
      出生: '1992-03-15',
      住址: '广东省深圳市南山区桂庙路18号3栋1202室',
      公民身份号码: '810000199203150028',
    });
    expect(outcome).toMatchObject({ cardType: 31, warnings: [] });
    expect(outcome.status === 'recognized' && outcome.portraitBox).toBeTruthy();
  });

  it('resolves look-alikes in the number by its GB 11643 check character on a tilted photo', () => {
    const outcome = recognizer.recognize(hmtResidenceFrontPage('81OOOO1992O315OO28', 0.08), 31);
    expect(values(outcome)).toMatchObject({ 公民身份号码: '810000199203150028', 出生: '1992-03-15' });
    expect(outcome).toMatchObject({ warnings: ['checksum_corrected'] });
  });

  it('returns a number failing its check as read, flagged checksum_failed', () => {
    const outcome = recognizer.recognize(hmtResidenceFrontPage('810000199203150029'), 31);
    expect(values(outcome)).toMatchObject({ 公民身份号码: '810000199203150029' });
    expect(outcome.status === 'recognized' && outcome.warnings).toContain('checksum_failed');
  });

  it('does not read a resident ID card front as a residence permit', () => {
    expect(recognizer.recognize(residentIdFrontPage(), 31)).toMatchObject({ status: 'failed' });
  });

  it('reads the back with its validity split into 签发日期 and 有效期至 (cardType 32)', () => {
    const outcome = recognizer.recognize(hmtResidenceBackPage(), 32);
    expect(values(outcome)).toEqual({
      签发机关: '深圳市公安局',
      有效期限: '2021.07.09-2026.07.09',
      签发日期: '2021-07-09',
      有效期至: '2026-07-09',
      通行证号码: 'H12345678',
    });
    expect(outcome).toMatchObject({ cardType: 32, warnings: ['expired'] });
  });

  it('reads a Taiwan travel permit number of 8 digits, O read as 0', () => {
    expect(values(recognizer.recognize(hmtResidenceBackPage('1234567O'), 32))).toMatchObject({
      通行证号码: '12345670',
    });
  });

  it('answers 215308 for the back asked as the front', () => {
    expect(recognizer.recognize(hmtResidenceBackPage(), 31)).toMatchObject({ status: 'failed', errorCode: 215308 });
  });
});
