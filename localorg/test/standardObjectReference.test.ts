/**
 * The local org's standard objects against Salesforce's object reference
 * (`data/standardObjectReference.json`, whose `_source` says where each list came from):
 * every standard field with its describe type, the feature-dependent ones left out, and the
 * fields added from it working through describe, SOQL and REST writes, also in a data
 * directory made before they existed.
 */
import Database from 'better-sqlite3';
import type { Connection } from 'jsforce';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { API_VERSION } from '../../core/src/index';
import { startLocalOrg } from '../src/index';
import { describeSObject } from '../src/store/describe';
import { SCHEMA_DIR } from '../src/store/objectInfos';
import { runSoql } from '../src/store/soql';
import { jsforceConnection } from './http';
import { seededOrg } from './seededOrg';

interface FieldGroup {
    fields: string[];
    why: string;
}
interface ObjectReference {
    fields: Record<string, string>;
    featureGated?: Record<string, string>;
    notModelled?: FieldGroup[];
    beyondDescribe?: Record<string, string>;
}
interface DescribedField {
    name: string;
    type: string;
    custom: boolean;
    createable: boolean;
    updateable: boolean;
    compoundFieldName: string | null;
    referenceTo: string[];
    relationshipName: string | null;
}

const reference = JSON.parse(
    readFileSync(path.join(__dirname, 'data', 'standardObjectReference.json'), 'utf8')
) as { objects: Record<string, ObjectReference> };

const seeded = seededOrg(() => undefined);
let conn: Connection;
beforeAll(() => {
    conn = jsforceConnection(seeded.org);
});

function described(object: string): Map<string, DescribedField> {
    const info = seeded.org.store.objectInfo(object);
    if (!info) throw new Error(`the local org has no ${object}`);
    const fields = describeSObject(info).fields as unknown as DescribedField[];
    return new Map(fields.filter((f) => !f.custom).map((f) => [f.name, f]));
}

describe("the standard objects against Salesforce's object reference", () => {
    it('has a reference list for every object of the schema folder', () => {
        const modelled = readdirSync(SCHEMA_DIR)
            .filter((f) => f.endsWith('.json') && f !== 'standardValueSets.json')
            .map((f) => f.replace(/\.json$/, ''))
            .sort();
        expect(Object.keys(reference.objects).sort()).toEqual(modelled);
    });

    for (const [object, ref] of Object.entries(reference.objects)) {
        it(`${object}: the reference's standard fields with their types, the rest accounted for`, () => {
            const local = described(object);
            const leftOut = new Map<string, string>([
                ...Object.entries(ref.featureGated ?? {}).map(([f, why]): [string, string] => [
                    f,
                    `needs ${why}`
                ]),
                ...(ref.notModelled ?? []).flatMap((g) =>
                    g.fields.map((f): [string, string] => [f, g.why])
                )
            ]);
            const problems: string[] = [];
            for (const [name, type] of Object.entries(ref.fields)) {
                if (leftOut.has(name)) continue;
                const f = local.get(name);
                if (!f) problems.push(`${name} (${type}) is missing`);
                else if (f.type !== type) problems.push(`${name} is ${f.type}, not ${type}`);
            }
            for (const [name, why] of leftOut)
                if (local.has(name)) problems.push(`${name} is modelled, yet listed: ${why}`);
            for (const [name, f] of local) {
                const type = ref.fields[name] ?? ref.beyondDescribe?.[name];
                if (type === undefined)
                    problems.push(`${name} (${f.type}) is not in the reference`);
                else if (type !== undefined && f.type !== type)
                    problems.push(`${name} is ${f.type}, not ${type}`);
            }
            expect(problems).toEqual([]);
        });
    }

    it('describes the person name as a compound of its parts; middle name and suffix need a setting', () => {
        for (const object of ['Lead', 'Contact', 'User', 'Individual']) {
            const fields = described(object);
            expect(fields.get('LastName')?.compoundFieldName).toBe('Name');
            expect(fields.get('FirstName')?.compoundFieldName).toBe('Name');
            expect(fields.get('Name')).toMatchObject({
                type: 'string',
                compoundFieldName: null,
                createable: false
            });
            expect(fields.has('MiddleName')).toBe(false);
            expect(fields.has('Suffix')).toBe(false);
        }
        expect(described('Lead').get('Salutation')?.compoundFieldName).toBe('Name');
        expect(described('Lead').get('IndividualId')).toMatchObject({
            type: 'reference',
            referenceTo: ['Individual'],
            relationshipName: 'Individual'
        });
    });
});

describe('the fields added from the reference', () => {
    it('are written and read through REST and SOQL, as createable and updateable as described', async () => {
        const person = await conn
            .sobject('Individual')
            .create({ LastName: 'Lovelace', FirstName: 'Ada', HasOptedOutTracking: true });
        const lead = await conn.sobject('Lead').create({
            LastName: 'Lovelace',
            Company: 'Engines',
            IndividualId: person.id,
            IsPriorityRecord: true
        });
        const [row] = (
            await conn.query<Record<string, unknown>>(
                `SELECT IsPriorityRecord, Individual.Name, Individual.HasOptedOutTracking FROM Lead WHERE Id = '${lead.id}'`
            )
        ).records;
        expect(row).toMatchObject({
            IsPriorityRecord: true,
            Individual: { Name: 'Ada Lovelace', HasOptedOutTracking: true }
        });
        await conn.sobject('Lead').update({ Id: lead.id!, IsPriorityRecord: false });
        expect((await conn.sobject('Lead').retrieve(lead.id!)).IsPriorityRecord).toBe(false);
        const contacts = await conn.query(
            `SELECT Id, (SELECT Id FROM Leads) FROM Individual WHERE Id = '${person.id}'`
        );
        expect(contacts.records[0]).toMatchObject({ Leads: { totalSize: 1 } });

        // Read-only on the platform, read-only here.
        const opp = await conn.sobject('Opportunity').create({
            Name: 'Deal',
            StageName: 'Prospecting',
            CloseDate: '2026-06-30'
        });
        await expect(
            conn.sobject('Opportunity').update({ Id: opp.id!, PushCount: 3 })
        ).rejects.toMatchObject({ errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE' });
        // The platform keeps them: a stage change stamps LastStageChangeDate, a close date moved
        // to a later month counts in PushCount (a move within the month or back does not).
        expect(await conn.sobject('Opportunity').retrieve(opp.id!)).toMatchObject({
            PushCount: 0,
            LastStageChangeDate: null
        });
        await conn.sobject('Opportunity').update({ Id: opp.id!, CloseDate: '2026-06-15' });
        await conn
            .sobject('Opportunity')
            .update({ Id: opp.id!, CloseDate: '2026-08-01', StageName: 'Qualification' });
        await conn.sobject('Opportunity').update({ Id: opp.id!, CloseDate: '2026-07-01' });
        const moved = await conn.sobject('Opportunity').retrieve(opp.id!);
        expect(moved.PushCount).toBe(1);
        expect(typeof moved.LastStageChangeDate).toBe('string');
        const task = await conn.sobject('Task').create({
            Subject: 'Weekly',
            RecurrenceType: 'RecursWeekly',
            RecurrenceInterval: 1,
            RecurrenceDayOfWeekMask: 2
        });
        expect(await conn.sobject('Task').retrieve(task.id!)).toMatchObject({
            RecurrenceType: 'RecursWeekly',
            RecurrenceDayOfWeekMask: 2
        });
        await expect(
            conn.sobject('Task').create({ Subject: 'x', RecurrenceType: 'Sometimes' })
        ).rejects.toMatchObject({ errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST' });

        const [user] = (
            await conn.query<{ Id: string; UserPreferencesHideS1BrowserUI: boolean }>(
                'SELECT Id, UserPreferencesHideS1BrowserUI FROM User LIMIT 1'
            )
        ).records;
        expect(user.UserPreferencesHideS1BrowserUI).toBe(false);
        await conn
            .sobject('User')
            .update({ Id: user.Id, UserPreferencesHideS1BrowserUI: true, Signature: 'Ada' });
        expect(await conn.sobject('User').retrieve(user.Id)).toMatchObject({
            UserPreferencesHideS1BrowserUI: true,
            Signature: 'Ada'
        });
        // A campaign member's LeadOrContactId: its contact, else its lead.
        const campaign = await conn.sobject('Campaign').create({ Name: 'Launch' });
        const member = await conn
            .sobject('CampaignMember')
            .create({ CampaignId: campaign.id, LeadId: lead.id });
        const [m] = (
            await conn.query<Record<string, unknown>>(
                `SELECT LeadOrContactId FROM CampaignMember WHERE Id = '${member.id}'`
            )
        ).records;
        expect(m.LeadOrContactId).toBe(lead.id);

        // GroupMember has no audit fields on the platform: none here either, and a write needs none.
        const queue = await conn.sobject('Group').create({ Name: 'Q', Type: 'Queue' });
        const grouped = await conn
            .sobject('GroupMember')
            .create({ GroupId: queue.id, UserOrGroupId: user.Id });
        expect(Object.keys(await conn.sobject('GroupMember').retrieve(grouped.id!))).toEqual([
            'attributes',
            'Id',
            'SystemModstamp',
            'GroupId',
            'UserOrGroupId'
        ]);
        const [orgRow] = (
            await conn.query<Record<string, unknown>>(
                'SELECT IsReadOnly, DefaultLeadAccess, Address FROM Organization'
            )
        ).records;
        expect(orgRow).toMatchObject({ IsReadOnly: false, DefaultLeadAccess: null });
    });

    it('are added to the tables of a data directory made before them', async () => {
        const dataDir = mkdtempSync(path.join(os.tmpdir(), 'leadloop-reference-'));
        try {
            const first = await startLocalOrg({ dataDir });
            const old = first.store.create('Lead', {
                LastName: 'Old',
                Company: 'Before',
                Status: 'New'
            });
            const user = runSoql(first.store, 'SELECT Id FROM User LIMIT 1').records[0]
                .Id as string;
            await first.close();
            // The tables as an org made before these fields had them.
            const db = new Database(path.join(dataDir, 'org.sqlite'));
            db.exec(`ALTER TABLE "Lead" DROP COLUMN "IsPriorityRecord";
                ALTER TABLE "Lead" DROP COLUMN "IndividualId";
                ALTER TABLE "User" DROP COLUMN "UserPreferencesHideS1BrowserUI";
                DROP TABLE "Individual"`);
            db.close();

            const again = await startLocalOrg({ dataDir });
            try {
                const res = await fetch(
                    `${again.instanceUrl}/services/data/v${API_VERSION}/query?q=${encodeURIComponent(
                        `SELECT IsPriorityRecord, IndividualId FROM Lead WHERE Id = '${old}'`
                    )}`,
                    { headers: { Authorization: `Bearer ${again.accessToken}` } }
                );
                expect(((await res.json()) as { records: unknown[] }).records).toEqual([
                    expect.objectContaining({ IsPriorityRecord: false, IndividualId: null })
                ]);
                const person = again.store.create('Individual', { LastName: 'New' });
                again.store.update('Lead', old, { IndividualId: person, IsPriorityRecord: true });
                const soql = `SELECT UserPreferencesHideS1BrowserUI FROM User WHERE Id = '${user}'`;
                expect(runSoql(again.store, soql).records[0]).toMatchObject({
                    UserPreferencesHideS1BrowserUI: false
                });
            } finally {
                await again.close();
            }
        } finally {
            rmSync(dataDir, { recursive: true, force: true });
        }
    });
});
