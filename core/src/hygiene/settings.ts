/**
 * Checks the thresholds the audit reads, for settings given as an object (the page and the
 * CLI parse LL_Settings__c with `parseSettings`, which falls back to defaults; a caller that
 * builds settings in code gets told here instead of getting a silent default).
 */
import { SETTINGS } from '../schema';
import type { LeadLoopSettings } from '../types';

const DAY_THRESHOLDS = [
    'followUpSlaDays',
    'qualifiedUntouchedDays',
    'deadAfterDays',
    'hotInMarketingDays'
] as const;
const MAX_DAYS = 3650;

const TOGGLES = [
    'matchDuplicateEmail',
    'matchDuplicatePerson',
    'matchDuplicatePhone',
    'matchDuplicateContact'
] as const;

const STATUS_LISTS = [
    'openStatuses',
    'workingStatuses',
    'qualifiedStatuses',
    'disqualifiedStatuses',
    'salesReadyTiers'
] as const;

/** Problems with the thresholds and lists the audit reads; empty when all are usable. */
export function hygieneSettingsIssues(settings: LeadLoopSettings): string[] {
    if (!settings || typeof settings !== 'object') return ['settings must be an object.'];
    const issues: string[] = [];
    const name = (key: keyof typeof SETTINGS.fields) => `${SETTINGS.fields[key]} (${key})`;
    for (const key of DAY_THRESHOLDS) {
        const value: unknown = settings[key];
        if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_DAYS) {
            issues.push(
                `${name(key)} must be a number of days from 0 to ${MAX_DAYS}, not ${JSON.stringify(value) ?? 'undefined'}.`
            );
        }
    }
    for (const key of TOGGLES) {
        const value: unknown = settings[key];
        if (typeof value !== 'boolean') {
            issues.push(
                `${name(key)} must be true or false, not ${JSON.stringify(value) ?? 'undefined'}.`
            );
        }
    }
    for (const key of STATUS_LISTS) {
        const value: unknown = settings[key];
        if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
            issues.push(
                `${name(key)} must be a list of values, not ${JSON.stringify(value) ?? 'undefined'}.`
            );
        }
    }
    for (const key of ['nurtureQueue', 'nurturingStatus'] as const) {
        if (typeof settings[key] !== 'string' || !settings[key]) {
            issues.push(
                `${name(key)} must be set, not ${JSON.stringify(settings[key]) ?? 'undefined'}.`
            );
        }
    }
    return issues;
}
