import { line, page } from '../../testing/ocr-page';
import { PageLayout } from './page-layout';
import { textRows } from './rows';

describe(textRows.name, () => {
  const LINES = [
    line('WORLD', 70, 80, 180, 40),
    line('9089', 540, 400, 160, 46),
    line('2373', 80, 398, 128, 46),
    line('5304 8252', 208, 399, 330, 45),
    line('VALID', 365, 487, 57, 22),
    line('03/29', 438, 494, 114, 37),
    line('THRU', 365, 510, 56, 22),
  ];

  it.each([0, 0.05])('joins the boxes of one printed row left to right (tilt %s rad)', (angle) => {
    const rows = textRows(new PageLayout(page(LINES, angle)));
    expect(rows.map((r) => r.text)).toEqual(['WORLD', '2373530482529089', 'VALID03/29', 'THRU']);
    expect(rows[1].lines).toHaveLength(3);
  });

  it('keeps only the lines the filter accepts', () => {
    const rows = textRows(new PageLayout(page(LINES)), (l) => /^\d+$/.test(l.text));
    expect(rows.map((r) => r.text)).toEqual(['2373530482529089']);
  });

  it('never puts two boxes that cover the same place in one row', () => {
    const rows = textRows(new PageLayout(page([line('6222', 80, 400, 130, 40), line('6228', 85, 405, 130, 40)])));
    expect(rows).toHaveLength(2);
  });
});
