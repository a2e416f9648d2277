/** Raw-HTTP helpers for local org tests: API calls with the token, and a whole Bulk 2.0 ingest job. */
import jsforce, { type Connection } from 'jsforce';
import { API_VERSION } from '../../core/src/index';
import type { LocalOrg } from '../src/index';
import { parseCsv } from '../src/csv';

/** An unmodified jsforce client of the org, with its token. */
export function jsforceConnection(org: LocalOrg): Connection {
    return new jsforce.Connection({
        instanceUrl: org.instanceUrl,
        accessToken: org.accessToken,
        version: API_VERSION
    });
}

export function apiCall(org: LocalOrg, path: string, init: RequestInit = {}): Promise<Response> {
    return fetch(`${org.instanceUrl}/services/data/v${API_VERSION}${path}`, {
        ...init,
        headers: {
            Authorization: `Bearer ${org.accessToken}`,
            'Content-Type': 'application/json',
            ...(init.headers as Record<string, string>)
        }
    });
}

export interface IngestOutcome {
    info: {
        id: string;
        state: string;
        numberRecordsProcessed: number;
        numberRecordsFailed: number;
        errorMessage?: string;
    };
    /** Each result file as rows of strings, header first. */
    successful: string[][];
    failed: string[][];
    unprocessed: string[][];
}

/** Creates an ingest job, uploads each CSV, closes it and waits for the end state. */
export async function runIngest(
    org: LocalOrg,
    job: Record<string, unknown>,
    uploads: string[]
): Promise<IngestOutcome> {
    const created = await apiCall(org, '/jobs/ingest', {
        method: 'POST',
        body: JSON.stringify({ lineEnding: 'LF', ...job })
    });
    const { id } = (await created.json()) as { id: string };
    for (const body of uploads) {
        const put = await apiCall(org, `/jobs/ingest/${id}/batches`, {
            method: 'PUT',
            headers: { 'Content-Type': 'text/csv' },
            body
        });
        if (put.status !== 201)
            throw new Error(`upload answered ${put.status}: ${await put.text()}`);
    }
    await apiCall(org, `/jobs/ingest/${id}`, {
        method: 'PATCH',
        body: JSON.stringify({ state: 'UploadComplete' })
    });
    let info = { state: '' } as IngestOutcome['info'];
    for (let i = 0; i < 500; i++) {
        info = (await (await apiCall(org, `/jobs/ingest/${id}`)).json()) as IngestOutcome['info'];
        if (['JobComplete', 'Failed', 'Aborted'].includes(info.state)) break;
        await new Promise((r) => setTimeout(r, 10));
    }
    const results = async (name: string) =>
        parseCsv(await (await apiCall(org, `/jobs/ingest/${id}/${name}`)).text(), job);
    return {
        info,
        successful: await results('successfulResults'),
        failed: await results('failedResults'),
        unprocessed: await results('unprocessedrecords')
    };
}
