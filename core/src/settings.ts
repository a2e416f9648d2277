/**
 * Lead Loop settings: defaults, and parsing of the LL_Settings__c record that
 * admins edit. Status values are the org's own Lead Status API names; the
 * package never ships the LeadStatus value set, it maps to it here.
 */
import { fieldValue, type SalesforceRecord } from './records';
import { NURTURE_QUEUE_DEVELOPER_NAME, SETTINGS } from './schema';
import {
    HANDBACK_REASONS,
    RETURN_RULES,
    TIERS,
    type HandbackReason,
    type LeadLoopSettings,
    type ReturnRule,
    type Tier
} from './types';

/** Default nurture period per hand-back reason (days): how long marketing keeps the lead. */
export const DEFAULT_NURTURE_DAYS: Record<HandbackReason, number> = {
    Not_Ready: 90,
    No_Budget: 180,
    No_Authority: 60,
    No_Response: 60,
    Bad_Fit: 365,
    Other: 90
};

/** The largest round-robin cap accepted (open leads per rep). */
export const MAX_ROUND_ROBIN_CAP = 10_000;

/**
 * Defaults cover both the values a new org ships ("Open - Not Contacted",
 * "Working - Contacted", "Closed - Not Converted") and the common
 * New / Working / Qualified / Nurturing / Unqualified set.
 */
export const DEFAULT_SETTINGS: LeadLoopSettings = {
    followUpSlaDays: 2,
    qualifiedUntouchedDays: 7,
    deadAfterDays: 90,
    hotInMarketingDays: 2,
    matchDuplicateEmail: true,
    matchDuplicatePerson: true,
    matchDuplicatePhone: true,
    matchDuplicateContact: true,
    nurtureQueue: NURTURE_QUEUE_DEVELOPER_NAME,
    openStatuses: ['Open - Not Contacted', 'New'],
    workingStatuses: ['Working - Contacted', 'Working'],
    qualifiedStatuses: ['Qualified'],
    nurturingStatus: 'Nurturing',
    disqualifiedStatuses: ['Closed - Not Converted', 'Unqualified'],
    salesReadyTiers: ['Hot', 'Warm'],
    nurtureDays: DEFAULT_NURTURE_DAYS,
    returnRule: 'Round_Robin',
    returnQueue: '',
    roundRobinCap: null,
    closeStatus: ''
};

/** A problem found while reading settings; the default is used instead. */
export interface SettingsIssue {
    field: string;
    message: string;
}

export interface ParsedSettings {
    settings: LeadLoopSettings;
    issues: SettingsIssue[];
}

/** Splits a semicolon-separated list, trimming blanks. */
export function splitList(text: unknown): string[] {
    if (typeof text !== 'string') {
        return [];
    }
    return text
        .split(';')
        .map((part) => part.trim())
        .filter((part) => part.length > 0);
}

export function joinList(values: readonly string[]): string {
    return values.join(';');
}

/**
 * Reads an LL_Settings__c record (flat or UI API shape). Invalid values fall
 * back to defaults and are reported, so a typo in Setup never stops Lead Loop.
 */
export function parseSettings(record: SalesforceRecord | null | undefined): ParsedSettings {
    const issues: SettingsIssue[] = [];
    if (!record) {
        return { settings: { ...DEFAULT_SETTINGS }, issues };
    }
    const f = SETTINGS.fields;
    const get = (apiName: string): unknown => {
        const flat = (record.fields as SalesforceRecord | undefined) ?? record;
        return fieldValue(flat[apiName]);
    };
    const days = (apiName: string, fallback: number): number => {
        const raw = get(apiName);
        if (raw === null || raw === undefined || raw === '') {
            return fallback;
        }
        const n = Number(raw);
        if (!Number.isFinite(n) || n < 0 || n > 3650) {
            issues.push({
                field: apiName,
                message: `${apiName} must be a number of days from 0 to 3650, not ${JSON.stringify(raw)}; using ${fallback}.`
            });
            return fallback;
        }
        return n;
    };
    const flag = (apiName: string, fallback: boolean): boolean => {
        const raw = get(apiName);
        if (raw === null || raw === undefined || raw === '') return fallback;
        if (raw === true || raw === 'true') return true;
        if (raw === false || raw === 'false') return false;
        issues.push({
            field: apiName,
            message: `${apiName} must be true or false, not ${JSON.stringify(raw)}; using ${fallback}.`
        });
        return fallback;
    };
    const list = (apiName: string, fallback: string[]): string[] => {
        const values = splitList(get(apiName));
        return values.length ? values : fallback;
    };
    const tiers = list(f.salesReadyTiers, DEFAULT_SETTINGS.salesReadyTiers);
    const badTiers = tiers.filter((t) => !(TIERS as readonly string[]).includes(t));
    if (badTiers.length) {
        issues.push({
            field: f.salesReadyTiers,
            message: `${f.salesReadyTiers} has unknown tier(s) ${badTiers.join(', ')}; tiers are ${TIERS.join(', ')}.`
        });
    }
    const nurtureDays = { ...DEFAULT_NURTURE_DAYS };
    const rawNurture = get(f.nurtureDays);
    if (typeof rawNurture === 'string' && rawNurture.trim()) {
        try {
            const parsed = JSON.parse(rawNurture) as Record<string, unknown>;
            for (const [reason, value] of Object.entries(parsed)) {
                if (!(HANDBACK_REASONS as readonly string[]).includes(reason)) {
                    issues.push({
                        field: f.nurtureDays,
                        message: `${f.nurtureDays}: unknown hand-back reason "${reason}".`
                    });
                } else if (
                    typeof value !== 'number' ||
                    !Number.isFinite(value) ||
                    value < 1 ||
                    value > 3650
                ) {
                    issues.push({
                        field: f.nurtureDays,
                        message: `${f.nurtureDays}: days for ${reason} must be 1 to 3650.`
                    });
                } else {
                    nurtureDays[reason as HandbackReason] = value;
                }
            }
        } catch {
            issues.push({
                field: f.nurtureDays,
                message: `${f.nurtureDays} is not valid JSON; using the defaults.`
            });
        }
    }
    const nurtureQueue = get(f.nurtureQueue);
    const nurturingStatus = get(f.nurturingStatus);
    const { returnRule, returnQueue } = parseReturnRule(
        get(f.returnRule),
        get(f.returnQueue),
        issues
    );
    const roundRobinCap = parseCap(get(f.roundRobinCap), issues);
    const closeStatus = get(f.closeStatus);
    return {
        settings: {
            followUpSlaDays: days(f.followUpSlaDays, DEFAULT_SETTINGS.followUpSlaDays),
            qualifiedUntouchedDays: days(
                f.qualifiedUntouchedDays,
                DEFAULT_SETTINGS.qualifiedUntouchedDays
            ),
            deadAfterDays: days(f.deadAfterDays, DEFAULT_SETTINGS.deadAfterDays),
            hotInMarketingDays: days(f.hotInMarketingDays, DEFAULT_SETTINGS.hotInMarketingDays),
            matchDuplicateEmail: flag(f.matchDuplicateEmail, DEFAULT_SETTINGS.matchDuplicateEmail),
            matchDuplicatePerson: flag(
                f.matchDuplicatePerson,
                DEFAULT_SETTINGS.matchDuplicatePerson
            ),
            matchDuplicatePhone: flag(f.matchDuplicatePhone, DEFAULT_SETTINGS.matchDuplicatePhone),
            matchDuplicateContact: flag(
                f.matchDuplicateContact,
                DEFAULT_SETTINGS.matchDuplicateContact
            ),
            nurtureQueue:
                typeof nurtureQueue === 'string' && nurtureQueue.trim()
                    ? nurtureQueue.trim()
                    : DEFAULT_SETTINGS.nurtureQueue,
            openStatuses: list(f.openStatuses, DEFAULT_SETTINGS.openStatuses),
            workingStatuses: list(f.workingStatuses, DEFAULT_SETTINGS.workingStatuses),
            qualifiedStatuses: list(f.qualifiedStatuses, DEFAULT_SETTINGS.qualifiedStatuses),
            nurturingStatus:
                typeof nurturingStatus === 'string' && nurturingStatus.trim()
                    ? nurturingStatus.trim()
                    : DEFAULT_SETTINGS.nurturingStatus,
            disqualifiedStatuses: list(
                f.disqualifiedStatuses,
                DEFAULT_SETTINGS.disqualifiedStatuses
            ),
            salesReadyTiers: tiers.filter((t): t is Tier =>
                (TIERS as readonly string[]).includes(t)
            ),
            nurtureDays,
            returnRule,
            returnQueue,
            roundRobinCap,
            closeStatus: typeof closeStatus === 'string' ? closeStatus.trim() : ''
        },
        issues
    };
}

function text(raw: unknown): string {
    return typeof raw === 'string' ? raw.trim() : '';
}

/** The return rule and its queue; a Queue rule without a queue falls back to round-robin. */
function parseReturnRule(
    rawRule: unknown,
    rawQueue: unknown,
    issues: SettingsIssue[]
): { returnRule: ReturnRule; returnQueue: string } {
    const f = SETTINGS.fields;
    const rule = text(rawRule);
    const returnQueue = text(rawQueue);
    let returnRule = DEFAULT_SETTINGS.returnRule;
    if (rule && !(RETURN_RULES as readonly string[]).includes(rule)) {
        issues.push({
            field: f.returnRule,
            message: `${f.returnRule} "${rule}" is not a return rule; rules are ${RETURN_RULES.join(', ')}. Using ${returnRule}.`
        });
    } else if (rule) {
        returnRule = rule as ReturnRule;
    }
    if (returnRule === 'Queue' && !returnQueue) {
        issues.push({
            field: f.returnQueue,
            message: `${f.returnQueue} must name a queue (its developer name) when ${f.returnRule} is Queue; using Round_Robin.`
        });
        returnRule = 'Round_Robin';
    }
    return { returnRule, returnQueue };
}

/** The optional round-robin cap: blank means no cap, otherwise a whole number 1..10,000. */
function parseCap(raw: unknown, issues: SettingsIssue[]): number | null {
    if (raw === null || raw === undefined || raw === '') {
        return null;
    }
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > MAX_ROUND_ROBIN_CAP) {
        const f = SETTINGS.fields;
        issues.push({
            field: f.roundRobinCap,
            message: `${f.roundRobinCap} must be a whole number of leads from 1 to ${MAX_ROUND_ROBIN_CAP}, or blank for no cap; using no cap.`
        });
        return null;
    }
    return n;
}

/** The LL_Settings__c field values for a settings object (for seeding). */
export function settingsToRecord(settings: LeadLoopSettings, name = 'Default'): SalesforceRecord {
    const f = SETTINGS.fields;
    return {
        [f.name]: name,
        [f.active]: true,
        [f.followUpSlaDays]: settings.followUpSlaDays,
        [f.qualifiedUntouchedDays]: settings.qualifiedUntouchedDays,
        [f.deadAfterDays]: settings.deadAfterDays,
        [f.hotInMarketingDays]: settings.hotInMarketingDays,
        [f.matchDuplicateEmail]: settings.matchDuplicateEmail,
        [f.matchDuplicatePerson]: settings.matchDuplicatePerson,
        [f.matchDuplicatePhone]: settings.matchDuplicatePhone,
        [f.matchDuplicateContact]: settings.matchDuplicateContact,
        [f.nurtureQueue]: settings.nurtureQueue,
        [f.openStatuses]: joinList(settings.openStatuses),
        [f.workingStatuses]: joinList(settings.workingStatuses),
        [f.qualifiedStatuses]: joinList(settings.qualifiedStatuses),
        [f.nurturingStatus]: settings.nurturingStatus,
        [f.disqualifiedStatuses]: joinList(settings.disqualifiedStatuses),
        [f.salesReadyTiers]: joinList(settings.salesReadyTiers),
        [f.nurtureDays]: JSON.stringify(settings.nurtureDays),
        [f.returnRule]: settings.returnRule,
        [f.returnQueue]: settings.returnQueue,
        [f.roundRobinCap]: settings.roundRobinCap,
        [f.closeStatus]: settings.closeStatus || null
    };
}
