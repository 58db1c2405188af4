import { correctAddressPlaces, correctAuthorityPlace } from './place-names';

describe(correctAddressPlaces.name, () => {
  it('replaces a county read with one wrong character by the county of that city', () => {
    expect(correctAddressPlaces('湖南省怀化市激浦县白沙镇东岭村')).toEqual({
      text: '湖南省怀化市溆浦县白沙镇东岭村',
      corrected: true,
    });
  });

  it('repairs a county under a municipality and leaves the rest of the address alone', () => {
    expect(correctAddressPlaces('北京市朝阴区建国路88号')).toEqual({ text: '北京市朝阳区建国路88号', corrected: true });
  });

  it('keeps an address whose names are all real divisions', () => {
    expect(correctAddressPlaces('河南省商丘市睢县龙泉乡团结村')).toEqual({
      text: '河南省商丘市睢县龙泉乡团结村',
      corrected: false,
    });
  });

  it('repairs a one-character county name slip (雕县 → 睢县) within its city', () => {
    expect(correctAddressPlaces('河南省商丘市雕县龙泉乡团结村').text).toBe('河南省商丘市睢县龙泉乡团结村');
  });

  it('drops one stray character read in front of the province', () => {
    expect(correctAddressPlaces('一宁夏回族自治区银川市兴庆区长江路123号')).toEqual({
      text: '宁夏回族自治区银川市兴庆区长江路123号',
      corrected: true,
    });
    expect(correctAddressPlaces('某宁夏路12号').corrected).toBe(false);
  });

  it('never restores a dropped character', () => {
    expect(correctAddressPlaces('湖南省怀化市浦县白沙镇')).toEqual({
      text: '湖南省怀化市浦县白沙镇',
      corrected: false,
    });
  });

  it('leaves an address that does not start with a province as it is', () => {
    expect(correctAddressPlaces('某某路1号')).toEqual({ text: '某某路1号', corrected: false });
  });
});

describe(correctAuthorityPlace.name, () => {
  it('repairs a unique one-character slip in the county of the issuing authority', () => {
    expect(correctAuthorityPlace('鄂尔多期市公安局')).toEqual({ text: '鄂尔多斯市公安局', corrected: true });
  });

  it('leaves an ambiguous or correct authority as read', () => {
    expect(correctAuthorityPlace('上海市公安局徐汇分局')).toEqual({ text: '上海市公安局徐汇分局', corrected: false });
    expect(correctAuthorityPlace('浦县公安局')).toEqual({ text: '浦县公安局', corrected: false });
    // 雕县 is one character from 睢县, 杞县, 滑县 and more: no single answer, so no correction.
    expect(correctAuthorityPlace('雕县公安局')).toEqual({ text: '雕县公安局', corrected: false });
  });
});
