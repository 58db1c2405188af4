/**
 * The three-letter codes a machine-readable zone may carry for the issuing state or organization and the holder's
 * nationality (ICAO Doc 9303 Part 3, 8th edition 2021, §5 "Codes for nationality, place of birth, location of
 * issuing State/authority and other purposes"): every ISO 3166-1 alpha-3 code, plus the codes Part 3 adds. Data, not
 * logic: update it when ISO 3166-1 or Part 3 changes.
 */

const words = (rows: readonly string[]): string[] => rows.join(' ').split(' ');

/** ISO 3166-1 alpha-3: the 249 codes of the iso-codes package 4.15.0 (`iso_3166-1.json`). */
const ISO_3166_ALPHA_3 = words([
  'ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN BES BFA BGD BGR BHR BHS',
  'BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN CCK CHE CHL CHN CIV CMR COD COG COK COL COM CPV',
  'CRI CUB CUW CXR CYM CYP CZE DEU DJI DMA DNK DOM DZA ECU EGY ERI ESH ESP EST ETH FIN FJI FLK FRA FRO FSM',
  'GAB GBR GEO GGY GHA GIB GIN GLP GMB GNB GNQ GRC GRD GRL GTM GUF GUM GUY HKG HMD HND HRV HTI HUN IDN IMN',
  'IND IOT IRL IRN IRQ ISL ISR ITA JAM JEY JOR JPN KAZ KEN KGZ KHM KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE',
  'LKA LSO LTU LUX LVA MAC MAF MAR MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG MNP MOZ MRT MSR MTQ MUS',
  'MWI MYS MYT NAM NCL NER NFK NGA NIC NIU NLD NOR NPL NRU NZL OMN PAK PAN PCN PER PHL PLW PNG POL PRI PRK',
  'PRT PRY PSE PYF QAT REU ROU RUS RWA SAU SDN SEN SGP SGS SHN SJM SLB SLE SLV SMR SOM SPM SRB SSD STP SUR',
  'SVK SVN SWE SWZ SXM SYC SYR TCA TCD TGO THA TJK TKL TKM TLS TON TTO TUN TUR TUV TWN TZA UGA UKR UMI URY',
  'USA UZB VAT VCT VEN VGB VIR VNM VUT WLF WSM YEM ZAF ZMB ZWE',
]);

/** ICAO Doc 9303 Part 3 §5: the codes it names beyond ISO 3166-1, by its parts A–H. */
const ICAO_ADDED = words([
  // A: not in ISO 3166-1: Germany's one letter (printed `D<<`), the British nationality classes, Kosovo.
  'D<< GBD GBN GBO GBP GBS RKS',
  // B: reserved by the ISO 3166 maintenance agency: the European Union.
  'EUE',
  // C: the United Nations, its specialized agencies, its mission in Kosovo (UNMIK).
  'UNO UNA UNK',
  // D: other issuing organizations.
  'XBA XIM XCC XCE XCO XEC XPO XES XMP XOM XDC',
  // E: persons without a defined nationality: stateless, refugees (two kinds), unspecified.
  'XXA XXB XXC XXX',
  // F: withdrawn from ISO 3166-1, still on documents issued before.
  'ANT NTZ',
  // G: specimens: Utopia, the state of the standard's examples.
  'UTO',
  // H: ICAO itself (master lists).
  'IAO',
]);

/** Every code of ISO 3166-1 alpha-3 and ICAO 9303 Part 3 §5, as a zone prints it (3 characters, `D<<`). */
export const ICAO_STATE_CODES: ReadonlySet<string> = new Set([...ISO_3166_ALPHA_3, ...ICAO_ADDED]);
