/** The CLI's API layer: the client (transport choice, budget, retries), SOQL, CSV, errors. */
export * from './client';
export * from './errors';
export { MAX_INGEST_CSV_BYTES, csvRowBytes, type SObjectRecord } from './csv';
export { cond, soql, soqlDateTime, soqlName, soqlString, type SoqlCondition } from './soql';
