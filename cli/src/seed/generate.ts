/**
 * The demo data set: deterministic from a seed and a clock (same seed + now →
 * identical records), built with a seeded @faker-js/faker. About 5,000 leads
 * with the users, queue membership, settings, default scoring model, accounts,
 * contacts, opportunities, campaigns, campaign members, tasks and events that
 * make every problem of PRODUCT.md show up in a realistic share. The parts are in
 * `demo/`: people, companies, activities and the leads with their problems; they
 * draw from one random source in a fixed order.
 */
import {
    DEFAULT_SETTINGS,
    defaultModelRecord,
    NURTURE_QUEUE_DEVELOPER_NAME,
    settingsToRecord,
    type LeadLoopSettings
} from '../../../core/src/index';
import { activityRecords, campaignResponses, demoCampaigns } from './demo/activities';
import { crmRecords, demoCompanies, duplicateContacts, moreCustomers } from './demo/companies';
import { plantConversions } from './demo/conversions';
import { demoRecords, draws } from './demo/draws';
import { plantLeads } from './demo/leads';
import { demoUsers, MARKETING, QUEUE_KEY } from './demo/people';
import type { DemoData } from './types';

export { DEMO_CONVERSION_SHARES } from './demo/conversions';
export { DEMO_SHARES } from './demo/leads';
export {
    DEMO_DOMAIN,
    INACTIVE_REPS,
    MANAGER,
    MARKETING,
    OPS_ADMIN,
    QUEUE_KEY,
    REP_COUNT,
    repUsername
} from './demo/people';

export interface GenerateOptions {
    seed?: number;
    leads?: number;
    now?: Date;
}

/** The org's Lead Status values the demo uses, mapped in LL_Settings__c. */
export const DEMO_SETTINGS: LeadLoopSettings = {
    ...DEFAULT_SETTINGS,
    openStatuses: ['New'],
    workingStatuses: ['Working'],
    qualifiedStatuses: ['Qualified'],
    nurturingStatus: 'Nurturing',
    disqualifiedStatuses: ['Unqualified']
};

/** Builds the demo data set. Pure and deterministic for the same seed, size and clock. */
export function generateDemoData(options: GenerateOptions = {}): DemoData {
    const seed = options.seed ?? 42;
    const leadCount = options.leads ?? 5000;
    const now = options.now ?? new Date();
    if (!Number.isInteger(leadCount) || leadCount < 1 || leadCount > 1_000_000) {
        throw new Error(`leads must be a whole number from 1 to 1,000,000, not ${leadCount}.`);
    }
    if (Number.isNaN(now.getTime())) {
        throw new Error('now must be a valid date.');
    }
    // The order of the parts is the order of the draws: changing it changes every record.
    const d = draws(seed, now);
    const { users, activeReps, inactiveReps } = demoUsers(d);
    const { customers, prospects } = demoCompanies(d, leadCount);
    const campaigns = demoCampaigns(d);
    const records = demoRecords();
    const crm = crmRecords(d, records);
    const { problems, duplicateOriginals, qualifiedActive } = plantLeads(d, records, {
        leadCount,
        activeReps,
        inactiveReps,
        customers,
        prospects,
        crm,
        activities: activityRecords(d, records),
        respondToCampaigns: campaignResponses(d, records, campaigns)
    });
    const duplicates = duplicateContacts(records);
    moreCustomers(d, crm, customers, activeReps, leadCount);
    const conversions = plantConversions(d, crm, qualifiedActive);

    return {
        seed,
        now: now.toISOString(),
        steps: [
            { object: 'User', match: { kind: 'field', field: 'Username' }, records: users },
            {
                object: 'Group',
                match: { kind: 'field', field: 'DeveloperName', where: { Type: 'Queue' } },
                records: [
                    {
                        key: QUEUE_KEY,
                        fields: {
                            Name: 'Lead Loop Marketing Nurture',
                            DeveloperName: NURTURE_QUEUE_DEVELOPER_NAME,
                            Type: 'Queue'
                        }
                    }
                ]
            },
            {
                object: 'GroupMember',
                match: { kind: 'natural', fields: ['GroupId', 'UserOrGroupId'] },
                records: [
                    {
                        key: `member:${QUEUE_KEY}:${MARKETING}`,
                        fields: {},
                        refs: { GroupId: QUEUE_KEY, UserOrGroupId: MARKETING }
                    }
                ]
            },
            {
                object: 'LL_Settings__c',
                match: { kind: 'field', field: 'Name' },
                records: [{ key: 'settings:Default', fields: settingsToRecord(DEMO_SETTINGS) }]
            },
            {
                object: 'LL_Scoring_Model__c',
                match: { kind: 'ifEmpty' },
                records: [{ key: 'model:default', fields: defaultModelRecord(now) }]
            },
            { object: 'Account', match: { kind: 'sourceId' }, records: records.accounts },
            { object: 'Contact', match: { kind: 'sourceId' }, records: records.contacts },
            { object: 'Opportunity', match: { kind: 'sourceId' }, records: records.opportunities },
            { object: 'Campaign', match: { kind: 'sourceId' }, records: campaigns.campaigns },
            { object: 'Lead', match: { kind: 'sourceId' }, records: records.leads },
            {
                object: 'CampaignMember',
                match: { kind: 'natural', fields: ['CampaignId', 'LeadId'] },
                records: records.members
            },
            {
                object: 'Task',
                match: { kind: 'natural', fields: ['WhoId', 'Subject'] },
                records: records.tasks
            },
            {
                object: 'Event',
                match: { kind: 'natural', fields: ['WhoId', 'Subject'] },
                records: records.events
            }
        ],
        problems,
        duplicateContacts: duplicates,
        duplicateOriginals,
        conversions
    };
}

/** Records per object, for summaries and the README. */
export function demoCounts(data: DemoData): Record<string, number> {
    return Object.fromEntries(data.steps.map((s) => [s.object, s.records.length]));
}
