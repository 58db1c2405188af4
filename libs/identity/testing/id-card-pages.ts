import type { OcrLine, OcrPage } from '@zhengjian/ocr';
import { line, page as tiltedPage } from '../../recognition/testing/ocr-page';

export { line };

/** A page of the given lines, rotated by `angle` radians about its centre (to imitate a tilted photo). */
export function page(lines: OcrLine[], angle = 0, width = 1000, height = 640): OcrPage {
  return tiltedPage(lines, angle, width, height);
}

/** The OCR lines of a typical front (人像面) as the engine reads them: labels and values partly merged. */
export function frontLines(overrides: { id?: string; name?: string; birth?: string } = {}): OcrLine[] {
  return [
    line(`姓名${overrides.name ?? '王小明'}`, 60, 60, 200, 36),
    line('性别男', 60, 125, 120, 32),
    line('民族汉', 250, 125, 120, 32),
    line(overrides.birth ?? '出生1990年2月28日', 60, 185, 330, 32),
    line('住址北京市朝阳区建国路', 60, 245, 400, 34),
    line('88号院3号楼2单元', 150, 295, 300, 34),
    line('1201室', 150, 345, 110, 34),
    line('公民身份号码', 60, 500, 200, 32),
    line(overrides.id ?? '110105199002280012', 330, 495, 520, 40),
  ];
}
