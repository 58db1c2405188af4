import { line, page } from '../../testing/ocr-page';
import { PageLayout } from './page-layout';
import { below, continued, findAnyLabel, findSpacedLabel, leftOf, paragraph, rightOf } from './placement';

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

  it('drops a lone low-scored glyph the detector found as a speck, and keeps one read where the value was sought', () => {
    const speck = line('一', 300, 100, 30, 30, 0.6);
    const detected = new PageLayout(page([line('民族', 60, 100, 60, 30), speck]));
    expect(rightOf(detected, findAnyLabel(detected, ['民族'])!).text).toBe('');
    const sought = new PageLayout(
      page([line('民族', 60, 100, 60, 30), { ...line('彝', 300, 100, 30, 30, 0.85), sought: true }]),
    );
    expect(rightOf(sought, findAnyLabel(sought, ['民族'])!).text).toBe('彝');
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

  it('finds a label whose spread characters OCR read as separate lines, even with one of them lost', () => {
    const layout = new PageLayout(
      page([
        line('名', 60, 100, 30, 30),
        line('称', 200, 100, 30, 30),
        line('某某科技有限公司', 260, 100, 300, 30),
        line('投', 60, 160, 30, 30),
        line('人', 200, 160, 30, 30),
        line('王芳', 260, 160, 80, 30),
        line('型', 200, 220, 30, 30),
        line('经营', 60, 280, 60, 30),
        line('李四', 260, 280, 80, 30),
        line('个人独资企业', 260, 220, 240, 30),
      ]),
    );
    const name = findSpacedLabel(layout, '名称')!;
    expect(rightOf(layout, name).text).toBe('某某科技有限公司');
    expect(name.leading?.map((l) => l.text)).toEqual(['名']);
    expect(rightOf(layout, findSpacedLabel(layout, '投资人')!).text).toBe('王芳');
    expect(rightOf(layout, findSpacedLabel(layout, '类型')!).text).toBe('个人独资企业');
    expect(rightOf(layout, findSpacedLabel(layout, '经营者')!).text).toBe('李四');
    expect(findAnyLabel(layout, ['名称'])).toBeUndefined();
    expect(findAnyLabel(layout, ['名称'], { spaced: true })?.line.text).toBe('称');
  });

  it('finds a spread two-character label whose second character was lost only where its blank is left', () => {
    const layout = new PageLayout(
      page([
        line('名', 60, 100, 30, 30),
        line('某某科技有限公司', 260, 100, 300, 30),
        line('类', 60, 160, 30, 30),
        line('别的文字', 95, 160, 120, 30),
      ]),
    );
    const name = findSpacedLabel(layout, '名称')!;
    expect(name.line.text).toBe('名');
    expect(rightOf(layout, name).text).toBe('某某科技有限公司');
    expect(findSpacedLabel(layout, '类型')).toBeUndefined();
  });

  it('reads a paragraph over every row set flush with its first line, joining a row OCR split', () => {
    const layout = new PageLayout(
      page([
        line('经营范围', 60, 100, 120, 30),
        line('软件开发；信息技术', 200, 100, 300, 30),
        line('住所', 600, 100, 60, 30),
        line('某省某市某路1号', 680, 100, 250, 30),
        line('咨询服务；数据', 200, 145, 220, 30),
        line('处理服务', 430, 145, 120, 30),
        line('2层', 680, 145, 60, 30),
        line('服务。', 205, 190, 90, 30),
        line('登记机关', 60, 235, 120, 30),
        line('市场监', 200, 280, 90, 30),
      ]),
    );
    const stops = ['住所', '登记机关'].map((l) => findAnyLabel(layout, [l])!);
    expect(paragraph(layout, findAnyLabel(layout, ['经营范围'])!, stops).text).toBe(
      '软件开发;信息技术咨询服务;数据处理服务服务。',
    );
    expect(paragraph(layout, findAnyLabel(layout, ['住所'])!, stops).text).toBe('某省某市某路1号2层');
  });

  it('reads on a paragraph whose first row OCR ran into its label, the label printed wider than its characters', () => {
    // Label at 60–220, value column at 260: the merged line's even share per character puts the value at 178.
    const layout = new PageLayout(
      page([
        line('经营范围软件开发；信息技术', 60, 100, 440, 30),
        line('咨询服务；数据处理服务；', 260, 145, 360, 30),
        line('物联网技术服务。', 262, 190, 240, 30),
        line('登记机关', 60, 235, 120, 30),
      ]),
    );
    const stops = [findAnyLabel(layout, ['登记机关'])!];
    expect(paragraph(layout, findAnyLabel(layout, ['经营范围'])!, stops).text).toBe(
      '软件开发;信息技术咨询服务;数据处理服务;物联网技术服务。',
    );
  });
});
