/**
 * Bulk API 2.0's six column delimiters and two line endings, on ingest (the
 * upload read with the job's delimiter, results written in the job's format)
 * and on query results; unknown values refused; a job given no data completes
 * with no rows, as the platform completes it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLUMN_DELIMITERS } from '../src/csv';
import { startLocalOrg, type LocalOrg } from '../src/index';
import { apiCall, runIngest } from './http';

let org: LocalOrg;

beforeAll(async () => {
    org = await startLocalOrg({ dataDir: ':memory:' });
});
afterAll(() => org.close());

async function queryText(job: Record<string, unknown>): Promise<string> {
    const created = await apiCall(org, '/jobs/query', {
        method: 'POST',
        body: JSON.stringify({ operation: 'query', ...job })
    });
    expect(created.status).toBe(200);
    const { id } = (await created.json()) as { id: string };
    for (let i = 0; i < 200; i++) {
        const info = (await (await apiCall(org, `/jobs/query/${id}`)).json()) as {
            state: string;
        };
        if (info.state === 'JobComplete') break;
        await new Promise((r) => setTimeout(r, 10));
    }
    return (await apiCall(org, `/jobs/query/${id}/results`)).text();
}

describe('Bulk 2.0 column delimiters and line endings', () => {
    for (const [name, d] of Object.entries(COLUMN_DELIMITERS)) {
        it(`${name} with CRLF: reads the upload and writes results and query rows with it`, async () => {
            const tag = `Delim ${name}`;
            // A value holding the delimiter is quoted, as RFC 4180 quotes commas.
            const upload = [
                `Name${d}NumberOfEmployees`,
                `${tag} A${d}1`,
                `"${tag} ${d} B"${d}2`,
                ''
            ].join('\r\n');
            const out = await runIngest(
                org,
                {
                    object: 'Account',
                    operation: 'insert',
                    columnDelimiter: name,
                    lineEnding: 'CRLF'
                },
                [upload]
            );
            expect(out.info.state).toBe('JobComplete');
            expect(out.info.numberRecordsFailed).toBe(0);
            const raw = await (
                await apiCall(org, `/jobs/ingest/${out.info.id}/successfulResults`)
            ).text();
            expect(raw.split('\r\n')[0]).toBe(
                ['"sf__Id"', '"sf__Created"', '"Name"', '"NumberOfEmployees"'].join(d)
            );
            const text = await queryText({
                query: `SELECT Name, NumberOfEmployees FROM Account WHERE Name LIKE '${tag}%' ORDER BY NumberOfEmployees`,
                columnDelimiter: name,
                lineEnding: 'CRLF'
            });
            expect(text).toBe(
                [
                    `"Name"${d}"NumberOfEmployees"`,
                    `"${tag} A"${d}"1"`,
                    `"${tag} ${d} B"${d}"2"`,
                    ''
                ].join('\r\n')
            );
        });
    }
    it('answers the job info with its delimiter and line ending', async () => {
        const res = await apiCall(org, '/jobs/ingest', {
            method: 'POST',
            body: JSON.stringify({
                object: 'Account',
                operation: 'insert',
                columnDelimiter: 'PIPE',
                lineEnding: 'CRLF'
            })
        });
        expect(await res.json()).toMatchObject({ columnDelimiter: 'PIPE', lineEnding: 'CRLF' });
    });
    it('refuses an unknown delimiter or line ending with INVALIDJOB', async () => {
        for (const extra of [{ columnDelimiter: 'COLON' }, { lineEnding: 'CR' }]) {
            for (const path of ['/jobs/ingest', '/jobs/query']) {
                const res = await apiCall(org, path, {
                    method: 'POST',
                    body: JSON.stringify({
                        object: 'Account',
                        operation: path.endsWith('query') ? 'query' : 'insert',
                        query: 'SELECT Id FROM Account',
                        ...extra
                    })
                });
                expect(res.status).toBe(400);
                expect(await res.json()).toMatchObject([{ errorCode: 'INVALIDJOB' }]);
            }
        }
    });
});

describe('Bulk 2.0 with no data', () => {
    it('completes a job given no upload (or only an empty one) with no rows', async () => {
        for (const uploads of [[], ['']]) {
            const out = await runIngest(org, { object: 'Account', operation: 'insert' }, uploads);
            expect(out.info).toMatchObject({ state: 'JobComplete', numberRecordsProcessed: 0 });
            expect(out.successful).toEqual([['sf__Id', 'sf__Created']]);
            expect(out.failed).toEqual([['sf__Id', 'sf__Error']]);
        }
    });
    it('still fails an upload that has data but no usable header', async () => {
        const out = await runIngest(org, { object: 'Account', operation: 'insert' }, [
            'Nope__c\nx\n'
        ]);
        expect(out.info.state).toBe('Failed');
        expect(out.info.errorMessage).toBe('InvalidBatch : Field name not found : Nope__c');
    });
});
