/**
 * The lead review board: board building, the meeting walk, its summary and the rep's
 * "act now" list.
 */
export * from './types';
export * from './board';
export * from './summary';
export * from './repActions';
export * from './records';
export * from './flags';
export * from './export';
