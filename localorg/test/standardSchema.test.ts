/**
 * The standard schema (localorg/schema/*.json) as every API serves it, and the recycle bin:
 * DELETE moves a record there, queries leave it out, queryAll reads it with IsDeleted = true.
 */
import jsforce, { type Connection } from 'jsforce';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_VERSION } from '../../core/src/index';
import { startLocalOrg, type LocalOrg } from '../src/index';
import { loadStandardSchema, SCHEMA_DIR } from '../src/store/objectInfos';

let org: LocalOrg;
let conn: Connection;

interface DescribeField {
    name: string;
    type: string;
    length: number;
    nillable: boolean;
    createable: boolean;
    updateable: boolean;
    referenceTo: string[];
    relationshipName: string | null;
    restrictedPicklist: boolean;
    picklistValues: { value: string }[];
}

beforeAll(async () => {
    org = await startLocalOrg({ dataDir: ':memory:' });
    conn = new jsforce.Connection({
        instanceUrl: org.instanceUrl,
        accessToken: org.accessToken,
        version: API_VERSION
    });
});

afterAll(async () => {
    await org.close();
});

async function describeFields(object: string): Promise<Map<string, DescribeField>> {
    const d = await conn.sobject(object).describe();
    return new Map((d.fields as unknown as DescribeField[]).map((f) => [f.name, f]));
}

describe('the standard schema', () => {
    it('describes the sales objects with their fields, types, lengths and picklists', async () => {
        const names = (await conn.describeGlobal()).sobjects.map((s) => s.name);
        for (const o of [
            'Account',
            'Contact',
            'Lead',
            'Opportunity',
            'OpportunityContactRole',
            'OpportunityLineItem',
            'Campaign',
            'CampaignMember',
            'Task',
            'Event',
            'User',
            'Group',
            'Case',
            'Organization'
        ])
            expect(names).toContain(o);
        const account = await describeFields('Account');
        expect(account.get('BillingState')).toMatchObject({ type: 'string', length: 80 });
        expect(account.get('Type')).toMatchObject({ type: 'picklist', restrictedPicklist: false });
        expect(account.get('Type')!.picklistValues.map((p) => p.value)).toContain('Prospect');
        expect(account.get('IsDeleted')).toMatchObject({
            type: 'boolean',
            createable: false,
            updateable: false,
            nillable: false
        });
        expect(account.get('Name')).toMatchObject({ nillable: false, createable: true });
        const task = await describeFields('Task');
        expect(task.get('WhoId')).toMatchObject({
            referenceTo: ['Contact', 'Lead'],
            relationshipName: 'Who'
        });
        expect(task.get('Subject')!.type).toBe('combobox');
        const lead = await describeFields('Lead');
        expect(lead.get('Status')!.restrictedPicklist).toBe(true);
        expect(lead.get('Status')!.picklistValues.map((p) => p.value)).toContain('Qualified');
    });

    it('names child relationships in describe, the UI API and SOQL subqueries', async () => {
        const d = await conn.sobject('Account').describe();
        const rels = d.childRelationships.map((r) => r.relationshipName);
        expect(rels).toEqual(
            expect.arrayContaining(['Contacts', 'Opportunities', 'ChildAccounts'])
        );
        const res = await fetch(
            `${org.instanceUrl}/services/data/v${API_VERSION}/ui-api/object-info/Lead`,
            {
                headers: { Authorization: `Bearer ${org.accessToken}` }
            }
        );
        const info = (await res.json()) as {
            childRelationships: { relationshipName: string }[];
            fields: Record<string, { dataType: string }>;
        };
        expect(info.childRelationships.map((r) => r.relationshipName)).toContain('Tasks');
        expect(info.fields.IsDeleted.dataType).toBe('Boolean');

        const acc = await conn.sobject('Account').create({
            Name: 'Schema Co',
            Type: 'Prospect',
            BillingState: 'CA',
            Industry: 'Banking'
        });
        await conn.sobject('Contact').create({ LastName: 'Child', AccountId: acc.id });
        await conn.sobject('Opportunity').create({
            Name: 'Deal',
            AccountId: acc.id,
            StageName: 'Closed Won',
            CloseDate: '2026-01-31'
        });
        const q = await conn.query<Record<string, unknown>>(
            `SELECT Name, Type, BillingState, (SELECT LastName FROM Contacts), (SELECT IsWon, IsClosed FROM Opportunities) FROM Account WHERE Id = '${acc.id}'`
        );
        const row = q.records[0] as {
            Contacts: { records: { LastName: string }[] };
            Opportunities: { records: { IsWon: boolean; IsClosed: boolean }[] };
        };
        expect(row.Contacts.records.map((c) => c.LastName)).toEqual(['Child']);
        expect(row.Opportunities.records[0]).toMatchObject({ IsWon: true, IsClosed: true });
    });

    it('applies required fields and defaults from the schema', async () => {
        await expect(
            conn.sobject('Opportunity').create({ Name: 'No stage', CloseDate: '2026-01-31' })
        ).rejects.toMatchObject({ errorCode: 'REQUIRED_FIELD_MISSING' });
        const t = await conn.sobject('Task').create({ Subject: 'Call' });
        const task = await conn.sobject('Task').retrieve(t.id!);
        expect(task).toMatchObject({ Status: 'Not Started', Priority: 'Normal', IsDeleted: false });
        const c = await conn.sobject('Case').create({ Subject: 'Broken' });
        const kase = await conn.sobject('Case').retrieve(c.id!);
        expect(kase.CaseNumber).toMatch(/^\d{8}$/);
        expect(kase.Status).toBe('New');
    });

    it('names the file and what is wrong in a bad schema file', () => {
        const dir = mkdtempSync(path.join(os.tmpdir(), 'leadloop-schema-'));
        try {
            cpSync(SCHEMA_DIR, dir, { recursive: true });
            writeFileSync(
                path.join(dir, 'Case.json'),
                JSON.stringify({
                    name: 'Case',
                    keyPrefix: '500',
                    fields: [{ name: 'X', type: 'blob' }]
                })
            );
            expect(() => loadStandardSchema(dir)).toThrow(/Case\.json: X: unsupported type "blob"/);
            writeFileSync(
                path.join(dir, 'Case.json'),
                JSON.stringify({
                    name: 'Case',
                    keyPrefix: '500',
                    systemFields: ['Id', 'Modstamp'],
                    fields: []
                })
            );
            expect(() => loadStandardSchema(dir)).toThrow(
                /Case\.json: "systemFields" lists Modstamp; it takes Id and some of Id, CreatedDate/
            );
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });
});

describe('the recycle bin', () => {
    it('moves deleted records there: queries leave them out, queryAll reads them', async () => {
        const lead = await conn.sobject('Lead').create({ LastName: 'Binned', Company: 'Gone Inc' });
        const task = await conn.sobject('Task').create({ Subject: 'Follow up', WhoId: lead.id });
        await conn.sobject('Lead').destroy(lead.id!);

        const soql = `SELECT Id, IsDeleted FROM Lead WHERE Id = '${lead.id}'`;
        expect((await conn.query(soql)).records).toEqual([]);
        const all = await conn.query<{ Id: string; IsDeleted: boolean }>(soql, { scanAll: true });
        expect(all.records.map((r) => r.IsDeleted)).toEqual([true]);
        // Its activities went with it.
        const tasks = await conn.query<{ IsDeleted: boolean }>(
            `SELECT IsDeleted FROM Task WHERE Id = '${task.id}'`,
            { scanAll: true }
        );
        expect(tasks.records.map((r) => r.IsDeleted)).toEqual([true]);
        expect(
            (await conn.query(`SELECT COUNT() FROM Task WHERE Id = '${task.id}'`)).totalSize
        ).toBe(0);

        await expect(conn.sobject('Lead').retrieve(lead.id!)).rejects.toMatchObject({
            errorCode: 'NOT_FOUND'
        });
        await expect(
            conn.sobject('Lead').update({ Id: lead.id!, Company: 'Back' })
        ).rejects.toMatchObject({ errorCode: 'ENTITY_IS_DELETED' });
    });

    it('takes a record out of the bin with undelete', async () => {
        const acc = await conn.sobject('Account').create({ Name: 'Restored' });
        await conn.sobject('Account').destroy(acc.id!);
        org.store.undelete('Account', acc.id!);
        const row = await conn.sobject('Account').retrieve(acc.id!);
        expect(row).toMatchObject({ Name: 'Restored', IsDeleted: false });
        expect(() => org.store.undelete('Account', acc.id!)).toThrow(/not in the recycle bin/);
    });
});
