export { createRecognitionService, createLocalProvider } from './local-engine';
