/**
 * Bulk API 1.0 over raw HTTP, as the Bulk API guide shows it: XML and JSON
 * jobs, CSV / XML / JSON batches, batch info and results, query batches with
 * result ids, close and abort, the X-SFDC-Session header, the platform's
 * exception codes, and jobs that survive a restart.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_VERSION } from '../../core/src/index';
import { parseCsv } from '../src/csv';
import { startLocalOrg, type LocalOrg } from '../src/index';
import { child, parseXml, type XmlElement } from '../src/xml';
import { apiCall } from './http';

let org: LocalOrg;
const NS = 'http://www.force.com/2009/06/asyncapi/dataload';

function v1(
    target: LocalOrg,
    p: string,
    init: { method?: string; body?: string; type?: string; session?: string } = {}
): Promise<Response> {
    return fetch(`${target.instanceUrl}/services/async/${API_VERSION}${p}`, {
        method: init.method ?? 'GET',
        body: init.body,
        headers: {
            'X-SFDC-Session': init.session ?? target.accessToken,
            ...(init.type ? { 'Content-Type': init.type } : {})
        }
    });
}

const xmlText = (e: XmlElement, name: string) => child(e, name)?.text ?? '';
const jobXml = (fields: Record<string, string>) =>
    `<?xml version="1.0" encoding="UTF-8"?><jobInfo xmlns="${NS}">${Object.entries(fields)
        .map(([k, v]) => `<${k}>${v}</${k}>`)
        .join('')}</jobInfo>`;

async function createXmlJob(target: LocalOrg, fields: Record<string, string>): Promise<string> {
    const res = await v1(target, '/job', {
        method: 'POST',
        type: 'application/xml; charset=UTF-8',
        body: jobXml(fields)
    });
    expect(res.status).toBe(201);
    return xmlText(parseXml(await res.text()), 'id');
}

/** Polls a batch until it leaves Queued/InProgress; answers its info element. */
async function settle(target: LocalOrg, job: string, batch: string): Promise<XmlElement> {
    for (let i = 0; i < 300; i++) {
        const info = parseXml(await (await v1(target, `/job/${job}/batch/${batch}`)).text());
        if (!['Queued', 'InProgress'].includes(xmlText(info, 'state'))) return info;
        await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error('batch never finished');
}

beforeAll(async () => {
    org = await startLocalOrg({ dataDir: ':memory:' });
});
afterAll(() => org.close());

describe('Bulk API 1.0 sessions and errors', () => {
    it('refuses a missing or wrong X-SFDC-Session with 400 InvalidSessionId (XML, or JSON for JSON)', async () => {
        const res = await v1(org, '/job', { method: 'POST', session: 'nope', body: jobXml({}) });
        expect(res.status).toBe(400);
        expect(res.headers.get('content-type')).toMatch(/^application\/xml/);
        const text = await res.text();
        expect(text).toContain('<exceptionCode>InvalidSessionId</exceptionCode>');
        const json = await v1(org, '/job', {
            method: 'POST',
            session: '',
            type: 'application/json',
            body: '{}'
        });
        expect(await json.json()).toEqual({
            exceptionCode: 'InvalidSessionId',
            exceptionMessage: 'Invalid session id'
        });
    });
    it('refuses bad jobs with InvalidJob / InvalidEntity, naming what is wrong', async () => {
        const bad = async (body: string) => {
            const res = await v1(org, '/job', { method: 'POST', type: 'application/xml', body });
            expect(res.status).toBeGreaterThanOrEqual(400);
            const e = parseXml(await res.text());
            return [xmlText(e, 'exceptionCode'), xmlText(e, 'exceptionMessage')];
        };
        expect(await bad(jobXml({ operation: 'merge', object: 'Account' }))).toEqual([
            'InvalidJob',
            'Invalid operation: merge'
        ]);
        expect((await bad(jobXml({ operation: 'insert', object: 'Nope__c' })))[0]).toBe(
            'InvalidEntity'
        );
        expect((await bad(jobXml({ operation: 'upsert', object: 'Account' })))[1]).toMatch(
            /External ID/
        );
        expect((await bad('<jobInfo><operation>insert</jobInfo>'))[0]).toBe('InvalidJob');
        expect((await bad('<!DOCTYPE x [<!ENTITY a "b">]><jobInfo/>'))[0]).toBe('InvalidJob');
        const unknown = await v1(org, '/job/750000000000000AAA');
        expect(xmlText(parseXml(await unknown.text()), 'exceptionCode')).toBe('InvalidJob');
    });
});

describe('Bulk API 1.0 CSV ingest', () => {
    it('runs a CSV batch, answers batch info, list and results in row order, and closes', async () => {
        const job = await createXmlJob(org, {
            operation: 'insert',
            object: 'Account',
            contentType: 'CSV'
        });
        const added = await v1(org, `/job/${job}/batch`, {
            method: 'POST',
            type: 'text/csv',
            body: 'Name,NumberOfEmployees\nV1 One,10\n,20\n"V1, Three",30\n'
        });
        expect(added.status).toBe(201);
        const batch = xmlText(parseXml(await added.text()), 'id');
        expect(batch).toMatch(/^751/);
        const info = await settle(org, job, batch);
        expect(xmlText(info, 'state')).toBe('Completed');
        expect(xmlText(info, 'numberRecordsProcessed')).toBe('3');
        expect(xmlText(info, 'numberRecordsFailed')).toBe('1');
        const result = await v1(org, `/job/${job}/batch/${batch}/result`);
        expect(result.headers.get('content-type')).toMatch(/^text\/csv/);
        const rows = parseCsv(await result.text());
        expect(rows[0]).toEqual(['Id', 'Success', 'Created', 'Error']);
        expect(rows.slice(1).map((r) => r.slice(1))).toEqual([
            ['true', 'true', ''],
            [
                'false',
                'false',
                'REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --'
            ],
            ['true', 'true', '']
        ]);
        const list = parseXml(await (await v1(org, `/job/${job}/batch`)).text());
        expect(list.children.map((b) => xmlText(b, 'id'))).toEqual([batch]);
        const closed = await v1(org, `/job/${job}`, {
            method: 'POST',
            type: 'application/xml',
            body: jobXml({ state: 'Closed' })
        });
        const closedInfo = parseXml(await closed.text());
        expect(xmlText(closedInfo, 'state')).toBe('Closed');
        expect(xmlText(closedInfo, 'numberBatchesCompleted')).toBe('1');
        expect(xmlText(closedInfo, 'numberRecordsProcessed')).toBe('3');
        expect(xmlText(closedInfo, 'apiVersion')).toBe(API_VERSION);
        const late = await v1(org, `/job/${job}/batch`, {
            method: 'POST',
            type: 'text/csv',
            body: 'Name\nLate\n'
        });
        expect(xmlText(parseXml(await late.text()), 'exceptionCode')).toBe('InvalidJobState');
        // A 1.0 batch is not a Bulk 2.0 job.
        const v2 = (await (await apiCall(org, '/jobs/ingest')).json()) as {
            records: { id: string }[];
        };
        expect(v2.records.map((r) => r.id)).not.toContain(batch);
        expect((await apiCall(org, `/jobs/ingest/${batch}`)).status).toBe(404);
    });
    it('fails a batch with an unknown column as InvalidBatch, and refuses an empty batch', async () => {
        const job = await createXmlJob(org, { operation: 'insert', object: 'Account' });
        const added = await v1(org, `/job/${job}/batch`, {
            method: 'POST',
            type: 'text/csv',
            body: 'Name,Nope__c\nx,y\n'
        });
        const info = await settle(org, job, xmlText(parseXml(await added.text()), 'id'));
        expect(xmlText(info, 'state')).toBe('Failed');
        expect(xmlText(info, 'stateMessage')).toBe('InvalidBatch : Field name not found : Nope__c');
        const empty = await v1(org, `/job/${job}/batch`, { method: 'POST', type: 'text/csv' });
        expect(empty.status).toBe(400);
        expect(xmlText(parseXml(await empty.text()), 'exceptionCode')).toBe('ClientInputError');
    });
    it('aborts a job: its state is Aborted and it takes no more batches', async () => {
        const job = await createXmlJob(org, { operation: 'insert', object: 'Account' });
        const aborted = await v1(org, `/job/${job}`, {
            method: 'POST',
            type: 'application/xml',
            body: jobXml({ state: 'Aborted' })
        });
        expect(xmlText(parseXml(await aborted.text()), 'state')).toBe('Aborted');
        const again = await v1(org, `/job/${job}`, {
            method: 'POST',
            type: 'application/xml',
            body: jobXml({ state: 'Closed' })
        });
        expect(xmlText(parseXml(await again.text()), 'exceptionCode')).toBe('InvalidJobState');
    });
});

describe('Bulk API 1.0 JSON and XML content', () => {
    it('a JSON job takes a JSON batch and answers JSON results with error parts', async () => {
        const created = await v1(org, '/job', {
            method: 'POST',
            type: 'application/json',
            body: JSON.stringify({ operation: 'insert', object: 'Account', contentType: 'JSON' })
        });
        expect(created.status).toBe(201);
        const job = (await created.json()) as {
            id: string;
            contentType: string;
            apiVersion: number;
        };
        expect(job).toMatchObject({ contentType: 'JSON', apiVersion: Number(API_VERSION) });
        const added = await v1(org, `/job/${job.id}/batch`, {
            method: 'POST',
            type: 'application/json',
            body: JSON.stringify([{ Name: 'Json One', BillingState: null }, { BillingState: 'CA' }])
        });
        const batch = (await added.json()) as { id: string; state: string };
        expect(batch.state).toBe('Queued');
        let results: unknown[] = [];
        for (let i = 0; i < 300; i++) {
            const res = await v1(org, `/job/${job.id}/batch/${batch.id}/result`);
            if (res.status === 200) {
                results = (await res.json()) as unknown[];
                break;
            }
            await new Promise((r) => setTimeout(r, 10));
        }
        expect(results).toEqual([
            { id: expect.stringMatching(/^001/), success: true, created: true, errors: [] },
            {
                id: null,
                success: false,
                created: false,
                errors: [
                    {
                        statusCode: 'REQUIRED_FIELD_MISSING',
                        message: 'Required fields are missing: [Name]',
                        fields: ['Name']
                    }
                ]
            }
        ]);
    });
    it('an XML job takes an XML batch (xsi:nil nulls a field) and answers XML results', async () => {
        const created = await apiCall(org, '/sobjects/Account', {
            method: 'POST',
            body: JSON.stringify({ Name: 'Xml Target', BillingState: 'CA' })
        });
        const target = ((await created.json()) as { id: string }).id;
        const job = await createXmlJob(org, {
            operation: 'update',
            object: 'Account',
            contentType: 'XML'
        });
        const added = await v1(org, `/job/${job}/batch`, {
            method: 'POST',
            type: 'application/xml',
            body: `<sObjects xmlns="${NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><sObject><Id>${target}</Id><Name>Xml &amp; Updated</Name><BillingState xsi:nil="true"/></sObject></sObjects>`
        });
        const batch = xmlText(parseXml(await added.text()), 'id');
        expect(xmlText(await settle(org, job, batch), 'state')).toBe('Completed');
        const results = parseXml(await (await v1(org, `/job/${job}/batch/${batch}/result`)).text());
        expect(results.name).toBe('results');
        expect(xmlText(results.children[0], 'success')).toBe('true');
        const record = (await (
            await apiCall(org, `/sobjects/Account/${target}?fields=Name,BillingState`)
        ).json()) as Record<string, unknown>;
        expect(record).toMatchObject({ Name: 'Xml & Updated', BillingState: null });
    });
});

describe('Bulk API 1.0 query', () => {
    it('answers a result list and the result set as CSV', async () => {
        const job = await createXmlJob(org, { operation: 'query', object: 'Account' });
        const added = await v1(org, `/job/${job}/batch`, {
            method: 'POST',
            type: 'text/csv',
            body: "SELECT Id, Name FROM Account WHERE Name LIKE 'V1%' ORDER BY Name"
        });
        const batch = xmlText(parseXml(await added.text()), 'id');
        expect(xmlText(await settle(org, job, batch), 'state')).toBe('Completed');
        const list = parseXml(await (await v1(org, `/job/${job}/batch/${batch}/result`)).text());
        expect(list.name).toBe('result-list');
        const resultId = xmlText(list, 'result');
        const csv = await (await v1(org, `/job/${job}/batch/${batch}/result/${resultId}`)).text();
        expect(parseCsv(csv).map((r) => r[1])).toEqual(['Name', 'V1 One', 'V1, Three']);
        const wrong = await v1(org, `/job/${job}/batch/${batch}/result/752000000000000AAA`);
        expect(xmlText(parseXml(await wrong.text()), 'exceptionCode')).toBe('InvalidBatch');
    });
    it('fails a query batch with a malformed query, saying why', async () => {
        const job = await createXmlJob(org, { operation: 'query', object: 'Account' });
        const added = await v1(org, `/job/${job}/batch`, {
            method: 'POST',
            type: 'text/csv',
            body: 'SELECT FROM Account'
        });
        const info = await settle(org, job, xmlText(parseXml(await added.text()), 'id'));
        expect(xmlText(info, 'state')).toBe('Failed');
        expect(xmlText(info, 'stateMessage')).toMatch(/^InvalidBatch : Failed to process query/);
    });
});

describe('Bulk API 1.0 durability', () => {
    it('keeps jobs, batches and results across a restart', async () => {
        const dataDir = mkdtempSync(path.join(tmpdir(), 'bulkv1-'));
        try {
            let first = await startLocalOrg({ dataDir });
            const token = first.accessToken;
            const job = await createXmlJob(first, { operation: 'insert', object: 'Account' });
            const added = await v1(first, `/job/${job}/batch`, {
                method: 'POST',
                type: 'text/csv',
                body: 'Name\nDurable\n'
            });
            const batch = xmlText(parseXml(await added.text()), 'id');
            await settle(first, job, batch);
            await first.close();
            first = await startLocalOrg({ dataDir, token });
            try {
                expect(xmlText(await settle(first, job, batch), 'state')).toBe('Completed');
                const rows = parseCsv(
                    await (await v1(first, `/job/${job}/batch/${batch}/result`)).text()
                );
                expect(rows[1].slice(1, 3)).toEqual(['true', 'true']);
            } finally {
                await first.close();
            }
        } finally {
            rmSync(dataDir, { recursive: true, force: true });
        }
    });
});
