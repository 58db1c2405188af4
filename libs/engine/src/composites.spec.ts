import type { RecognitionOutcome } from '@zhengjian/recognition';
import { line, page } from '../../recognition/testing/ocr-page';
import {
  drivingMainPage,
  drivingSubPage,
  vehicleElectronicPage,
  vehicleMainPage,
  vehicleSubPage,
} from '../../vehicle/testing/vehicle-pages';
import { identityAndVehicleRecognizer } from './composites';

const idFront = page([
  line('姓名王小明', 60, 60, 200, 36),
  line('性别男', 60, 125, 120, 32),
  line('民族汉', 250, 125, 120, 32),
  line('出生1990年2月28日', 60, 185, 330, 32),
  line('住址北京市朝阳区建国路', 60, 245, 400, 34),
  line('公民身份号码', 60, 500, 200, 32),
  line('110105199002280012', 330, 495, 520, 40),
]);
const idBack = page([
  line('中华人民共和国', 380, 80, 420, 50),
  line('居民身份证', 400, 160, 380, 60),
  line('签发机关北京市公安局朝阳分局', 120, 460, 600, 34),
  line('有效期限2015.03.07-2025.03.07', 120, 530, 600, 34),
]);
const detected = (outcome: RecognitionOutcome) =>
  outcome.status === 'recognized' ? outcome.cardType : `failed ${outcome.errorCode}`;

describe(identityAndVehicleRecognizer.name, () => {
  const recognizer = identityAndVehicleRecognizer(() => new Date('2024-06-01T00:00:00Z'));

  it('answers cardType 104 only', () => {
    expect(recognizer.cardTypes).toEqual([104]);
  });

  it.each([
    [2, idFront],
    [3, idBack],
    [5, drivingMainPage()],
    [28, drivingSubPage()],
    [6, vehicleMainPage()],
    [30, vehicleSubPage()],
  ] as const)('classifies a page of cardType %s and reads it', (cardType, ocrPage) => {
    expect(detected(recognizer.recognize(ocrPage, 104))).toBe(cardType);
  });

  it('reads the ID card front through the identity recognizer', () => {
    const outcome = recognizer.recognize(idFront, 104);
    expect(outcome.status === 'recognized' && outcome.fields['公民身份号码'].value).toBe('110105199002280012');
  });

  it('answers 215308 for a 电子行驶证, which is none of its candidates', () => {
    expect(detected(recognizer.recognize(vehicleElectronicPage(), 104))).toBe('failed 215308');
  });
});
