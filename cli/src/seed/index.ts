/** The demo data set and its loader (the same code path for `leadloop seed` and `npm start`). */
export { generateDemoData, demoCounts, DEMO_SETTINGS, type GenerateOptions } from './generate';
export { seedOrg, type SeedOptions, type SeedResult, type SeedObjectResult } from './seed';
export * from './types';
