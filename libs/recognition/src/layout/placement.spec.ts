import { line, page } from '../../testing/ocr-page';
import { PageLayout } from './page-layout';
import { below, continued, findAnyLabel, leftOf, rightOf } from './placement';

/** Labels and values of a licence-like page: two labels on one row, an address over two lines, a seal block. */
const LINES = [
  line('姓名 Name 王小明', 60, 100, 300, 32),
  line('性别 Sex 男', 520, 100, 160, 32),
  line('国籍中国', 720, 100, 140, 32),
  line('住址 Address', 60, 160, 150, 32),
  line('北京市朝阳区建国路', 230, 160, 360, 32),
  line('88号院3号楼', 230, 200, 240, 32),
  line('出生日期', 300, 300, 140, 30),
  line('1990-02-28', 480, 300, 200, 30),
  line('准驾车型', 300, 360, 140, 30),
  line('C1', 480, 360, 50, 30),
  line('北京市公安局', 60, 310, 160, 32),
  line('公安交通管理局', 60, 345, 160, 32),
  line('签发机关', 60, 520, 140, 30),
  line('某某市公安局', 60, 560, 200, 30),
];

describe('layout placements', () => {
  it.each([0, 0.06])('reads the value right of a label up to the next label (tilt %s rad)', (angle) => {
    const layout = new PageLayout(page(LINES, angle));
    const stops = ['性别', '国籍'].map((l) => findAnyLabel(layout, [l])!);
    expect(rightOf(layout, findAnyLabel(layout, ['姓名'])!, stops).text).toBe('Name王小明');
    expect(rightOf(layout, findAnyLabel(layout, ['性别'])!, stops).text).toBe('Sex男');
  });

  it('continues a value over the lines below it in its column', () => {
    const layout = new PageLayout(page(LINES));
    const stops = ['出生日期'].map((l) => findAnyLabel(layout, [l])!);
    const value = continued(layout, findAnyLabel(layout, ['住址'])!, stops, 3);
    expect(value.text).toBe('Address北京市朝阳区建国路88号院3号楼');
    expect(value.lines).toHaveLength(3);
  });

  it('reads the value under a label', () => {
    const layout = new PageLayout(page(LINES));
    expect(below(layout, findAnyLabel(layout, ['签发机关'])!).text).toBe('某某市公安局');
  });

  it('reads the block left of a column of labels top to bottom', () => {
    const layout = new PageLayout(page(LINES));
    const column = ['出生日期', '准驾车型'].map((l) => findAnyLabel(layout, [l])!);
    expect(leftOf(layout, column).text).toBe('北京市公安局公安交通管理局');
  });

  it('prefers an exact label variant to a fuzzy one', () => {
    const layout = new PageLayout(
      page([line('初领日期2010-01-01', 0, 0, 300, 30), line('初次领证日期', 0, 100, 200, 30)]),
    );
    expect(findAnyLabel(layout, ['初次领证日期', '初领日期'])?.line.text).toBe('初次领证日期');
    expect(findAnyLabel(layout, ['初次领征日期'])?.line.text).toBe('初次领证日期');
  });
});
