/**
 * Lead Loop core: pure TypeScript with no platform imports, shared unchanged by
 * the Lightning components (compiled to force-app/main/default/lwc/leadLoopCore),
 * the CLI and the local org. Scoring, hygiene checks, hand-back rules, board
 * building and metrics live here.
 */
export * from './apiVersion';
export * from './types';
export * from './schema';
export * from './records';
export * from './fields';
export * from './dates';
export * from './settings';
export * from './errors';
export * from './scoring/index';
export * from './roundRobin';
export * from './handback/index';
export * from './metrics/index';
export * from './hygiene/index';
export * from './board/index';
