import { businessLicenceRecognizer } from '@zhengjian/business-license';
import { identityRecognizers } from '@zhengjian/identity';
import { PlateRecognizer, VEHICLE_CARD_TYPES_READY, vehicleRecognizer } from '@zhengjian/vehicle';
import { BankCardRecognizer } from '@zhengjian/bank-card';
import { identityAndVehicleRecognizer } from './composites';
import { travelRecognizer } from '@zhengjian/travel-permit';
import { OcrEngine, type OcrEngineOptions } from '@zhengjian/ocr';
import {
  LocalProvider,
  type OcrReader,
  type RecognitionLimits,
  RecognitionService,
  RecognizerRegistry,
} from '@zhengjian/recognition';

/** The recognizers of every domain library, as the local engine serves them. */
function localRegistry(): RecognizerRegistry {
  return new RecognizerRegistry([
    ...identityRecognizers(),
    vehicleRecognizer(VEHICLE_CARD_TYPES_READY),
    identityAndVehicleRecognizer(),
    new PlateRecognizer(),
    new BankCardRecognizer(),
    travelRecognizer(),
    businessLicenceRecognizer(),
  ]);
}

/**
 * The cardTypes the local engine recognizes, ascending (read from its registry, so it grows with the domain
 * libraries). Cheap: no model is loaded. The api refuses other cardTypes at admission when the provider is `local`.
 */
export function localCardTypes(): number[] {
  return localRegistry().supported();
}

/**
 * The embedded engine, wired: every domain library's recognizers over one OCR reader. This is the one place that
 * knows all domain libraries (recognition cannot import them: they depend on it).
 */
export function createRecognitionService(ocr: OcrReader, limits?: RecognitionLimits): RecognitionService {
  return new RecognitionService(ocr, localRegistry(), limits);
}

/** Loads the PP-OCRv4 models once and returns the local provider (the default `RECOGNITION_PROVIDER=local`). */
export async function createLocalProvider(
  options?: OcrEngineOptions,
  limits?: RecognitionLimits,
): Promise<LocalProvider> {
  return new LocalProvider(createRecognitionService(await OcrEngine.create(options), limits));
}
