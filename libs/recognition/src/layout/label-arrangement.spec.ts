import { line, page } from '../../testing/ocr-page';
import { labelColumn, labelsOnOneRow } from './label-arrangement';
import { PageLayout } from './page-layout';

const layout = (lines: ReturnType<typeof line>[]) => new PageLayout(page(lines));

describe(labelsOnOneRow.name, () => {
  it('holds for labels side by side on one row, in order, in one OCR line or two', () => {
    expect(
      labelsOnOneRow(layout([line('性别男', 60, 120, 120, 32), line('民族汉', 250, 122, 120, 32)]), ['性别', '民族']),
    ).toBe(true);
    expect(labelsOnOneRow(layout([line('性别男民族汉', 60, 120, 300, 32)]), ['性别', '民族'])).toBe(true);
  });

  it('fails for labels on different rows, in the other order, or missing', () => {
    expect(
      labelsOnOneRow(layout([line('性别男', 60, 120, 120, 32), line('民族汉', 60, 180, 120, 32)]), ['性别', '民族']),
    ).toBe(false);
    expect(labelsOnOneRow(layout([line('民族汉性别男', 60, 120, 300, 32)]), ['性别', '民族'])).toBe(false);
    expect(labelsOnOneRow(layout([line('性别男', 60, 120, 120, 32)]), ['性别', '民族'])).toBe(false);
  });
});

describe(labelColumn.name, () => {
  const column = ['姓名', '性别', '出生', '住址'];

  it('holds for three or more labels left-aligned top to bottom', () => {
    const lines = [
      line('姓名王芳', 60, 60, 200, 36),
      line('出生1990年', 64, 185, 300, 32),
      line('住址北京', 58, 245, 300, 32),
    ];
    expect(labelColumn(layout(lines), column)).toBe(true);
  });

  it('fails for labels spread over a row, out of order, or too few', () => {
    const row = [
      line('姓名王芳', 60, 60, 200, 36),
      line('性别女', 400, 60, 120, 36),
      line('住址北京', 60, 245, 300, 32),
    ];
    expect(labelColumn(layout(row), column)).toBe(false);
    const reversed = [
      line('住址北京', 60, 60, 300, 32),
      line('出生1990年', 60, 185, 300, 32),
      line('姓名王芳', 60, 245, 200, 36),
    ];
    expect(labelColumn(layout(reversed), column)).toBe(false);
    expect(labelColumn(layout([line('姓名王芳', 60, 60, 200, 36), line('性别女', 60, 120, 120, 36)]), column)).toBe(
      false,
    );
  });
});
