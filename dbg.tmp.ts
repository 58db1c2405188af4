import { OcrEngine, decodeImage } from './libs/ocr/src';
import { PageLayout, scoreSignatures, classify, anotherDocument } from './libs/recognition/src';
import { createRecognitionService } from './libs/engine/src';
import { renderSpecimen } from './test/fixtures/specimens';
async function main() {
  const ocr = await OcrEngine.create();
  const svc = createRecognitionService(ocr);
  const reg = (svc as any).registry;
  for (const kind of ['first-generation-id', 'household-register', 'hk-macao-permit', 'visa'] as const) {
    const sp = await renderSpecimen({ kind, level: 'clean', seed: 7300 });
    const page = await ocr.read((await decodeImage(sp.data)).rgb);
    const scores = scoreSignatures(new PageLayout(page), reg.documents()).filter((s: any) => s.points > 0).sort((a: any, b: any) => b.points - a.points).slice(0, 5);
    console.log(kind, page.lines.slice(0, 4).map((l) => l.text).join(' / '));
    for (const s of scores) console.log('   ', s.cardType, s.points, s.holds, s.titled, s.cues.join(','));
    for (const ct of [3, 101, 9, 13]) console.log('   ask', ct, anotherDocument(scoreSignatures(new PageLayout(page), reg.documents()), ct === 101 ? [2, 3] : [ct])?.cardType);
  }
}
main();
