import { OcrEngine } from './libs/ocr/src';
import { PageLayout, scoreSignatures, RecognizerRegistry } from './libs/recognition/src';
import { identityRecognizers } from './libs/identity/src';
import { mrzDocumentRecognizer, permitRecognizer } from './libs/travel-permit/src';
import { decodeImage } from './libs/ocr/src';
import { renderSpecimen } from './test/fixtures/specimens';
async function main() {
  const ocr = await OcrEngine.create();
  const reg = new RecognizerRegistry([...identityRecognizers(), mrzDocumentRecognizer(), permitRecognizer()]);
  for (const kind of ['hmt-residence-front', 'foreign-permanent-resident', 'residence-permit', 'first-generation-id', 'temporary-id', 'hk-macao-permit', 'visa', 'taiwan-resident-permit-1992'] as const) {
    const sp = await renderSpecimen({ kind, level: 'clean', seed: 7301 });
    const page = await ocr.read((await decodeImage(sp.data)).rgb);
    const scores = scoreSignatures(new PageLayout(page), reg.documents()).filter((s) => s.points > 0).sort((a, b) => b.points - a.points).slice(0, 4);
    console.log(kind, page.lines.slice(0, 3).map((l) => l.text).join(' / '));
    for (const s of scores) console.log('   ', s.cardType, s.points, s.holds, s.titled, s.cues.join(','));
  }
}
main();
