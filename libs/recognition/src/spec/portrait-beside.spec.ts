import { line, page } from '../../testing/ocr-page';
import { PageLayout } from '../layout/page-layout';
import { portraitBeside } from './portrait-beside';

const hook = portraitBeside({
  from: ['姓名'],
  to: ['公民身份号码'],
  rowsApart: 38,
  box: { left: 52, right: 75, top: -4, bottom: 24 },
  requires: '姓名',
});
const read = { 姓名: { value: '黎振华', confidence: 0.98 } };

describe(portraitBeside.name, () => {
  it('places the photo from the two rows, scaled by their distance in mm', () => {
    const layout = new PageLayout(page([line('姓名', 60, 70, 60, 30), line('公民身份号码', 60, 450, 160, 30)]));
    expect(hook(layout, read)).toEqual({ left: 580, right: 810, top: 60, bottom: 340 });
  });

  it('finds nothing when a row is missing or the required field was not read', () => {
    const layout = new PageLayout(page([line('姓名', 60, 70, 60, 30)]));
    expect(hook(layout, read)).toBeUndefined();
    const both = new PageLayout(page([line('姓名', 60, 70, 60, 30), line('公民身份号码', 60, 450, 160, 30)]));
    expect(hook(both, {})).toBeUndefined();
  });
});
