export { createRecognitionService, createLocalProvider, localCardTypes } from './local-engine';
