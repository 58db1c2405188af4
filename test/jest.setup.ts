import { Logger } from '@nestjs/common';

// Keep test output readable: Nest's default logger prints every level, OCR timings included, to stdout. Tests that
// boot an app install their own logger (app.useLogger), which replaces this one.
Logger.overrideLogger(['error', 'warn']);
