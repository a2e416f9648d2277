/** Bulk fixes for hygiene findings: plan (preview), apply only unchanged leads, log, undo. */
export * from './types';
export * from './plan';
export * from './undo';
export * from './records';
