import { JuheError, JuheErrorCode } from '@zhengjian/juhe';
import { failedReport } from './failed-report';

describe(failedReport.name, () => {
  it('builds a report without fields from a JuheError, its reason and detail', () => {
    const timings = { decodeMs: 3, ocrMs: 0, totalMs: 4 };
    expect(failedReport(2, new JuheError(JuheErrorCode.UploadError, 'truncated JPEG'), timings)).toEqual({
      errorCode: 215307,
      reason: '图片上传发生错误',
      cardType: 2,
      fields: null,
      failureDetail: 'truncated JPEG',
      timings,
    });
  });

  it("takes the table's reason unless one is given, and zero timings when nothing ran", () => {
    expect(failedReport(3, { code: JuheErrorCode.NetworkError })).toEqual({
      errorCode: 215300,
      reason: '网络错误,请稍后重试',
      cardType: 3,
      fields: null,
      timings: { decodeMs: 0, ocrMs: 0, totalMs: 0 },
    });
    expect(failedReport(3, { code: JuheErrorCode.RecognitionFailed, reason: 'upstream says so' }).reason).toBe(
      'upstream says so',
    );
  });
});
