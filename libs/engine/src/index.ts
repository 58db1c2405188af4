export { createRecognitionService, createLocalProvider, localCardTypes } from './local-engine';
export { EngineProcessPool, type EngineProcessPoolOptions } from './isolated/engine-process-pool';
export type { ChildEngine, ChildEngineConfig, ChildEngineModule } from './isolated/engine-protocol';
