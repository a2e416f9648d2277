/**
 * Upsert and read by an external id that is not unique: when several records share the value,
 * the platform answers 300 Multiple Choices with their URLs (jsforce's `MULTIPLE_CHOICES`)
 * and writes nothing.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_VERSION } from '../../core/src/index';
import { startLocalOrg, type LocalOrg } from '../src/index';
import { apiCall } from './http';

const NS = 'xmlns="http://soap.sforce.com/2006/04/metadata"';
let dir: string;
let org: LocalOrg;

beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'upsert-choices-'));
    const objects = path.join(dir, 'objects/Tag__c');
    mkdirSync(path.join(objects, 'fields'), { recursive: true });
    writeFileSync(
        path.join(objects, 'Tag__c.object-meta.xml'),
        `<?xml version="1.0" encoding="UTF-8"?><CustomObject ${NS}><label>Tag</label><pluralLabel>Tags</pluralLabel><nameField><label>Tag Name</label><type>Text</type></nameField></CustomObject>`
    );
    writeFileSync(
        path.join(objects, 'fields/Code__c.field-meta.xml'),
        `<?xml version="1.0" encoding="UTF-8"?><CustomField ${NS}><fullName>Code__c</fullName><label>Code</label><type>Text</type><length>20</length><externalId>true</externalId><unique>false</unique></CustomField>`
    );
    org = await startLocalOrg({ dataDir: ':memory:', sourceDirs: [dir] });
});

afterAll(async () => {
    await org?.close();
    rmSync(dir, { recursive: true, force: true });
});

describe('an external id shared by several records', () => {
    it('answers 300 with the records, for upsert and read, and writes nothing', async () => {
        const ids: string[] = [];
        for (const Name of ['First', 'Second']) {
            const res = await apiCall(org, '/sobjects/Tag__c', {
                method: 'POST',
                body: JSON.stringify({ Name, Code__c: 'A\u2028 1' })
            });
            expect(res.status).toBe(201);
            ids.push(((await res.json()) as { id: string }).id);
        }
        const urls = ids.map((id) => `/services/data/v${API_VERSION}/sobjects/Tag__c/${id}`);
        const byCode = `/sobjects/Tag__c/Code__c/${encodeURIComponent('A\u2028 1')}`;

        const upsert = await apiCall(org, byCode, {
            method: 'PATCH',
            body: JSON.stringify({ Name: 'Third' })
        });
        expect(upsert.status).toBe(300);
        expect(((await upsert.json()) as string[]).sort()).toEqual(urls.sort());
        const read = await apiCall(org, byCode);
        expect(read.status).toBe(300);
        expect(((await read.json()) as string[]).sort()).toEqual(urls.sort());

        const names = org.store
            .find('Tag__c', { fields: ['Name'], limit: 10, offset: 0 })
            .records.map((r) => r.Name);
        expect(names.sort()).toEqual(['First', 'Second']);
    });

    it('still upserts by a value only one record has', async () => {
        const res = await apiCall(org, '/sobjects/Tag__c/Code__c/B', {
            method: 'PATCH',
            body: JSON.stringify({ Name: 'Only' })
        });
        expect(res.status).toBe(201);
        const again = await apiCall(org, '/sobjects/Tag__c/Code__c/B', {
            method: 'PATCH',
            body: JSON.stringify({ Name: 'Only, updated' })
        });
        expect(again.status).toBe(200);
    });
});
