/**
 * A small deterministic data set for the browser journeys, screenshots and
 * benchmark: users, a campaign, 36 leads with activities, the default scoring
 * model, every lead scored by the shared core. Written through the local org's
 * store, so every platform rule applies.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
    DEFAULT_SCORING_MODEL,
    defaultModelRecord,
    leadFromRecord,
    leadToRecord,
    scoreFieldChanges,
    scoreLead
} from '../../core/src/index';
import type { RecordSource } from '../../localorg/src/store/source';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const FIRST = [
    'Ava',
    'Ben',
    'Chloe',
    'Dev',
    'Elena',
    'Farid',
    'Grace',
    'Hugo',
    'Ines',
    'Jonas',
    'Kira',
    'Liam'
];
const LAST = [
    'Nguyen',
    'Schmidt',
    'Okafor',
    'Rossi',
    'Tanaka',
    'Dubois',
    'Silva',
    'Kowalski',
    'Haddad',
    'Berg'
];
const COMPANIES = [
    'Northwind Logistics',
    'Globex',
    'Initech',
    'Umbrella Health',
    'Stark Analytics',
    'Wayne Foods',
    'Acme Robotics',
    'Hooli'
];
const TITLES = [
    'VP Sales',
    'Head of Operations',
    'CTO',
    'Marketing Manager',
    'Student',
    'Director of IT',
    'Procurement Lead',
    'CEO'
];
const INDUSTRIES = ['Technology', 'Healthcare', 'Manufacturing', 'Retail', 'Education', 'Finance'];
const SOURCES = ['Web', 'Partner Referral', 'Trade Show', 'Purchased List', 'Webinar', 'Other'];
const COUNTRIES = ['United States', 'Germany', 'United Kingdom', 'France', 'Japan', 'Brazil'];
const STATUSES = ['New', 'Working', 'Qualified', 'Nurturing', 'Unqualified'];

/** Seeds the demo set: users, a campaign, leads with activities, the default model; scores every lead. */
export function seedPreview(source: RecordSource, now: Date): void {
    const admin = source.find('User', {
        fields: ['Id'],
        where: { field: 'Username', op: 'eq', value: 'admin@leadloop.local' },
        limit: 1,
        offset: 0
    }).records[0]?.Id;
    const manager = source.create('User', {
        FirstName: 'Max',
        LastName: 'Manager',
        Title: 'Sales Manager',
        IsActive: true,
        Username: 'max.manager@leadloop.local'
    });
    const reps = ['Rita Rep', 'Sam Seller'].map((name) => {
        const [FirstName, LastName] = name.split(' ');
        return source.create('User', {
            FirstName,
            LastName,
            Title: 'Sales Rep',
            IsActive: true,
            Username: `${FirstName.toLowerCase()}@leadloop.local`,
            ManagerId: manager
        });
    });
    void admin;
    const campaign = source.create('Campaign', {
        Name: 'Spring Webinar',
        Type: 'Webinar',
        Status: 'Completed',
        IsActive: true
    });
    source.create('LL_Scoring_Model__c', defaultModelRecord(now));
    const day = 86_400_000;
    for (let i = 0; i < 36; i++) {
        const created = new Date(now.getTime() - ((i * 7) % 120) * day - i * 3_600_000);
        const firstName = FIRST[i % FIRST.length];
        const lastName = LAST[(i * 3) % LAST.length];
        const company = COMPANIES[i % COMPANIES.length];
        const id = source.create('Lead', {
            FirstName: firstName,
            LastName: lastName,
            Company: company,
            Title: TITLES[(i * 5) % TITLES.length],
            Email: `${firstName.toLowerCase()}.${lastName.toLowerCase()}@${company.toLowerCase().replace(/[^a-z]+/g, '')}.com`,
            Phone: `+1 555 01${String(i).padStart(2, '0')}`,
            Industry: INDUSTRIES[i % INDUSTRIES.length],
            NumberOfEmployees: [12, 80, 250, 1200, 5000, 40][i % 6],
            Country: COUNTRIES[i % COUNTRIES.length],
            LeadSource: SOURCES[i % SOURCES.length],
            Status: STATUSES[i % STATUSES.length],
            OwnerId: reps[i % reps.length],
            CreatedDate: created.toISOString()
        });
        for (let t = 0; t < i % 4; t++) {
            const when = new Date(created.getTime() + (t + 1) * 2 * day);
            if (when > now) break;
            source.create('Task', {
                Subject: ['Call', 'Email', 'Demo', 'Follow-up'][t],
                Type: t % 2 ? 'Email' : 'Call',
                Status: 'Completed',
                ActivityDate: when.toISOString().slice(0, 10),
                WhoId: id,
                OwnerId: reps[i % reps.length]
            });
        }
        if (i % 3 === 0) {
            source.create('CampaignMember', {
                CampaignId: campaign,
                LeadId: id,
                Status: 'Responded',
                HasResponded: true,
                FirstRespondedDate: created.toISOString().slice(0, 10)
            });
        }
    }
    // Score every lead with the shared core, the way `leadloop score` writes it.
    const leadFields = Object.keys(source.objectInfo('Lead')!.fields);
    for (const row of source.find('Lead', { fields: leadFields, limit: 1000, offset: 0 }).records) {
        const lead = leadFromRecord(row);
        const tasks = source.find('Task', {
            fields: [
                'Id',
                'WhoId',
                'OwnerId',
                'Subject',
                'Type',
                'Status',
                'ActivityDate',
                'CreatedDate'
            ],
            where: { field: 'WhoId', op: 'eq', value: row.Id },
            limit: 200,
            offset: 0
        }).records;
        const members = source.find('CampaignMember', {
            fields: [
                'Id',
                'CampaignId',
                'LeadId',
                'Status',
                'HasResponded',
                'FirstRespondedDate',
                'CreatedDate'
            ],
            where: { field: 'LeadId', op: 'eq', value: row.Id },
            limit: 200,
            offset: 0
        }).records;
        const result = scoreLead(
            {
                lead,
                activities: tasks.map((t) => ({
                    id: String(t.Id),
                    kind: 'Task' as const,
                    whoId: String(t.WhoId),
                    ownerId: String(t.OwnerId ?? ''),
                    subject: String(t.Subject ?? ''),
                    type: (t.Type as string) ?? null,
                    activityDate: (t.ActivityDate as string) ?? null,
                    status: (t.Status as string) ?? null,
                    createdDate: String(t.CreatedDate)
                })),
                campaignMembers: members.map((m) => ({
                    id: String(m.Id),
                    campaignId: String(m.CampaignId),
                    leadId: String(m.LeadId),
                    status: String(m.Status ?? ''),
                    hasResponded: m.HasResponded === true,
                    firstRespondedDate: (m.FirstRespondedDate as string) ?? null,
                    createdDate: String(m.CreatedDate)
                }))
            },
            DEFAULT_SCORING_MODEL,
            now
        );
        const changes = scoreFieldChanges(lead, result, 1, now);
        if (changes) {
            const values = leadToRecord(changes);
            delete values.Id;
            source.update('Lead', String(row.Id), values);
        }
    }
}

export function distBuilt(): boolean {
    return existsSync(path.join(root, 'browser/dist/app.js'));
}
