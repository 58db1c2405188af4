import { correctAddressPlaces, correctAuthorityPlace, divisionNames } from './place-names';

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

  it.each([
    ['襄樊 (renamed 襄阳 in 2010)', '湖北省襄樊市樊城区人民路35号', '420606'],
    ['思茅 (renamed 普洱 in 2007) and its 翠云区', '云南省思茅市翠云区振兴大道12号', '530802'],
    ['巢湖 (prefecture abolished in 2011) and its 居巢区', '安徽省巢湖市居巢区卧牛山路8号', '341402'],
  ])('keeps a name of an earlier GB/T 2260 edition: %s', (_, address, hint) => {
    expect(correctAddressPlaces(address, hint)).toEqual({ text: address, corrected: false });
    expect(correctAddressPlaces(address)).toEqual({ text: address, corrected: false });
  });

  it('repairs a one-character slip in a name, historic names included', () => {
    expect(correctAddressPlaces('湖北省裹樊市樊城区人民路35号', '420606')).toEqual({
      text: '湖北省襄樊市樊城区人民路35号',
      corrected: true,
    });
    expect(correctAddressPlaces('湖北省襄樊市樊域区人民路35号').text).toBe('湖北省襄樊市樊城区人民路35号');
    expect(correctAddressPlaces('云南省普洱市思芽区振兴大道12号').text).toBe('云南省普洱市思茅区振兴大道12号');
  });

  it('lets the ID number region code decide between two names one character away', () => {
    // 南城区 is one character from both 东城区 (110101) and 西城区 (110102).
    expect(correctAddressPlaces('北京市南城区某某胡同3号', '110102')).toEqual({
      text: '北京市西城区某某胡同3号',
      corrected: true,
    });
    expect(correctAddressPlaces('北京市南城区某某胡同3号', '110101').text).toBe('北京市东城区某某胡同3号');
    expect(correctAddressPlaces('北京市南城区某某胡同3号')).toEqual({
      text: '北京市南城区某某胡同3号',
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

  it('repairs the place of a registration authority (登记机关) under either of its names', () => {
    expect(correctAuthorityPlace('鄂尔多期市市场监督管理局')).toEqual({
      text: '鄂尔多斯市市场监督管理局',
      corrected: true,
    });
    expect(correctAuthorityPlace('鄂尔多期市工商行政管理局')).toEqual({
      text: '鄂尔多斯市工商行政管理局',
      corrected: true,
    });
    expect(correctAuthorityPlace('贵阳市市场监督管理局')).toEqual({ text: '贵阳市市场监督管理局', corrected: false });
  });

  it('leaves an ambiguous or correct authority as read', () => {
    expect(correctAuthorityPlace('上海市公安局徐汇分局')).toEqual({ text: '上海市公安局徐汇分局', corrected: false });
    expect(correctAuthorityPlace('浦县公安局')).toEqual({ text: '浦县公安局', corrected: false });
    // 雕县 is one character from 睢县, 杞县, 滑县 and more: no single answer, so no correction.
    expect(correctAuthorityPlace('雕县公安局')).toEqual({ text: '雕县公安局', corrected: false });
  });

  it('keeps an authority named after a division of an earlier edition', () => {
    expect(correctAuthorityPlace('襄樊市公安局樊城分局')).toEqual({ text: '襄樊市公安局樊城分局', corrected: false });
    expect(correctAuthorityPlace('思茅市公安局')).toEqual({ text: '思茅市公安局', corrected: false });
    expect(correctAuthorityPlace('巢湖市公安局')).toEqual({ text: '巢湖市公安局', corrected: false });
  });
});

describe(divisionNames.name, () => {
  it('names a code from the province down', () => {
    expect(divisionNames('520102')).toEqual(['贵州省', '贵阳市', '南明区']);
    expect(divisionNames('350100')).toEqual(['福建省', '福州市']);
    expect(divisionNames('110108')).toEqual(['北京市', '海淀区']);
  });

  it('names nothing for an unknown province or a code that is not 6 digits', () => {
    expect(divisionNames('990101')).toEqual([]);
    expect(divisionNames('3501')).toEqual([]);
  });
});
