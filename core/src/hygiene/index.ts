/**
 * Stage hygiene: named checks over the whole lead line, pure and shared by the audit page,
 * the Lead record page and `leadloop audit`.
 */
export * from './types';
export * from './normalize';
export * from './records';
export * from './check';
export * from './settings';
export * from './registry';
export * from './audit';
export * from './figures';
export {
    leadName,
    type AuditContext,
    type LeadFacts as AuditLeadFacts,
    type Stage
} from './context';
export * from './fixes';
