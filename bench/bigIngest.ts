/**
 * A 100 MB CSV through Bulk API 2.0 into a local org running in its own process,
 * measured against the same org idle (issue 12): its resident memory (VmRSS idle,
 * VmHWM after the job: upload, processing and the download of its results), and the
 * latency of simple queries (SOQL `SELECT Id FROM Lead LIMIT 1` and a record read by
 * id, in turn) asked every 50 ms all the while, against the same queries when idle.
 */
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import http from 'node:http';
import { once } from 'node:events';
import { API_VERSION } from '../core/src/index';
import { MAX_BODY_BYTES } from '../localorg/src/http/request';
import { median, memoryMB, percentile, type OrgProcess } from './orgProcess';

export interface BigIngestResult {
    csvMB: number;
    rows: number;
    idleRssMB: number;
    peakRssMB: number;
    idleLatencyMs: { median: number; p95: number };
    ingestLatencyMs: {
        median: number;
        p95: number;
        max: number;
        samples: number;
        /** The slowest simple query in each phase of the job. */
        maxByPhase: { upload: number; processing: number; results: number };
    };
    seconds: { upload: number; processing: number; results: number };
    /** The highest VmRSS sampled (every 25 ms) in each phase of the job. */
    phaseRssMB: { upload: number; processing: number; results: number };
}

const HEADER =
    'FirstName,LastName,Company,Email,Phone,Title,Status,LeadSource,Country,NumberOfEmployees,Description,LL_Source_Id__c\n';

function csvRow(i: number): string {
    return `Ada${i},Lovelace ${i},"Analytical Engines ${i % 4_999}, Ltd",ada${i}@engines${i % 997}.example.org,+44 20 7946 ${String(i % 10_000).padStart(4, '0')},Head of Computing,${i % 3 ? 'New' : 'Working'},Web,United Kingdom,${(i % 500) + 1},"Met at the ""Difference Engine"" demo; asked for pricing, a trial and the roadmap.",big-${i}\n`;
}

/** Writes a CSV of leads of at most `maxBytes`; answers its row count. */
async function writeCsv(file: string, maxBytes: number): Promise<number> {
    const out = createWriteStream(file);
    let bytes = HEADER.length;
    let rows = 0;
    out.write(HEADER);
    for (;;) {
        let block = '';
        while (block.length < 1 << 20) {
            const line = csvRow(rows);
            if (bytes + block.length + line.length > maxBytes) break;
            block += line;
            rows += 1;
        }
        if (!block) break;
        bytes += block.length;
        if (!out.write(block)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    return rows;
}

/** Streams a file as the body of a PUT (never whole in the client's memory). */
function putFile(org: OrgProcess, apiPath: string, file: string): Promise<number> {
    return new Promise((resolve, reject) => {
        const req = http.request(`${org.instanceUrl}/services/data/v${API_VERSION}${apiPath}`, {
            method: 'PUT',
            headers: {
                Authorization: `Bearer ${org.accessToken}`,
                'Content-Type': 'text/csv',
                'Content-Length': String(statSync(file).size)
            }
        });
        req.on('response', (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
        });
        req.on('error', reject);
        createReadStream(file).pipe(req);
    });
}

/** One simple query, timed: SOQL for one lead id, or one lead read by id. */
async function simpleQuery(org: OrgProcess, kind: number, leadId: string): Promise<number> {
    const t = performance.now();
    const res =
        kind % 2
            ? await org.call(`/sobjects/Lead/${leadId}?fields=Id,LastName`)
            : await org.call(`/query?q=${encodeURIComponent('SELECT Id FROM Lead LIMIT 1')}`);
    if (res.status !== 200) throw new Error(`simple query answered ${res.status}`);
    await res.arrayBuffer();
    return performance.now() - t;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function measureBigIngest(
    org: OrgProcess,
    csvFile: string,
    megabytes: number,
    log: (s: string) => void
): Promise<BigIngestResult> {
    // 100 MB is the org's upload limit (MAX_BODY_BYTES): the largest upload it takes.
    const rows = await writeCsv(csvFile, Math.min(MAX_BODY_BYTES, megabytes * 1024 * 1024));
    const csvMB = statSync(csvFile).size / 1024 / 1024;
    log(`wrote ${rows} rows (${csvMB.toFixed(1)} MB)`);

    // Idle: the org has served each kind of request once (a small job, queries), then rests.
    const created = (await (
        await org.call('/sobjects/Lead', {
            method: 'POST',
            body: JSON.stringify({ LastName: 'Probe', Company: 'Probe Inc' })
        })
    ).json()) as { id: string };
    const small = await runJob(org, async (id) => {
        const status = await (
            await org.call(`/jobs/ingest/${id}/batches`, {
                method: 'PUT',
                headers: { 'Content-Type': 'text/csv' },
                body: HEADER + Array.from({ length: 200 }, (_, i) => csvRow(-1 - i)).join('')
            })
        ).status;
        if (status !== 201) throw new Error(`small upload answered ${status}`);
    });
    if (small.state !== 'JobComplete') throw new Error(`small job ${small.state}`);
    const idleTimes: number[] = [];
    for (let i = 0; i < 60; i++) {
        idleTimes.push(await simpleQuery(org, i, created.id));
        await sleep(20);
    }
    await sleep(500);
    const idleRssMB = median([0, 1, 2, 3, 4].map(() => memoryMB(org.pid, 'VmRSS')));

    // The job, with simple queries every 50 ms and the org's memory sampled all the while.
    let running = true;
    const during: number[] = [];
    const maxByPhase = { upload: 0, processing: 0, results: 0 };
    const phaseRssMB = { upload: 0, processing: 0, results: 0 };
    let phase: keyof typeof phaseRssMB = 'upload';
    const prober = (async () => {
        for (let i = 0; running; i++) {
            const asked = phase;
            const ms = await simpleQuery(org, i, created.id);
            during.push(ms);
            maxByPhase[asked] = Math.max(maxByPhase[asked], ms);
            await sleep(50);
        }
    })();
    const seconds = { upload: 0, processing: 0, results: 0 };
    const sampler = setInterval(() => {
        phaseRssMB[phase] = Math.max(phaseRssMB[phase], memoryMB(org.pid, 'VmRSS'));
    }, 25);
    let t = performance.now();
    const job = await runJob(
        org,
        async (id) => {
            const status = await putFile(org, `/jobs/ingest/${id}/batches`, csvFile);
            if (status !== 201) throw new Error(`upload answered ${status}`);
            seconds.upload = (performance.now() - t) / 1000;
            phase = 'processing';
            t = performance.now();
        },
        () => {
            seconds.processing = (performance.now() - t) / 1000;
            phase = 'results';
            t = performance.now();
        }
    );
    if (job.state !== 'JobComplete' || job.numberRecordsProcessed !== rows)
        throw new Error(
            `the 100 MB job ended ${job.state} with ${job.numberRecordsProcessed} of ${rows} rows (${job.errorMessage ?? ''})`
        );
    // The results, read as a client streams them (never held whole here).
    const results = await org.call(`/jobs/ingest/${job.id}/successfulResults`);
    let lines = 0;
    for await (const part of results.body! as unknown as AsyncIterable<Uint8Array>) {
        const bytes = Buffer.from(part.buffer, part.byteOffset, part.byteLength);
        for (let at = bytes.indexOf(10); at >= 0; at = bytes.indexOf(10, at + 1)) lines += 1;
        // Parts already here resolve as microtasks: let the timers of the query prober run.
        await new Promise((r) => setImmediate(r));
    }
    seconds.results = (performance.now() - t) / 1000;
    clearInterval(sampler);
    running = false;
    await prober;
    if (lines !== rows + 1) throw new Error(`successfulResults has ${lines - 1} rows of ${rows}`);
    return {
        csvMB,
        rows,
        idleRssMB,
        peakRssMB: memoryMB(org.pid, 'VmHWM'),
        idleLatencyMs: { median: median(idleTimes), p95: percentile(idleTimes, 0.95) },
        ingestLatencyMs: {
            median: median(during),
            p95: percentile(during, 0.95),
            max: Math.max(...during),
            samples: during.length,
            maxByPhase
        },
        seconds,
        phaseRssMB
    };
}

interface JobInfo {
    id: string;
    state: string;
    numberRecordsProcessed: number;
    errorMessage?: string;
}

/** Creates a Lead insert job, uploads through `upload`, closes it and waits for its end. */
async function runJob(
    org: OrgProcess,
    upload: (id: string) => Promise<void>,
    done?: () => void
): Promise<JobInfo> {
    const { id } = (await (
        await org.call('/jobs/ingest', {
            method: 'POST',
            body: JSON.stringify({ object: 'Lead', operation: 'insert', lineEnding: 'LF' })
        })
    ).json()) as { id: string };
    await upload(id);
    await org.call(`/jobs/ingest/${id}`, {
        method: 'PATCH',
        body: JSON.stringify({ state: 'UploadComplete' })
    });
    for (;;) {
        const info = (await (await org.call(`/jobs/ingest/${id}`)).json()) as JobInfo;
        if (['JobComplete', 'Failed', 'Aborted'].includes(info.state)) {
            done?.();
            return info;
        }
        await sleep(100);
    }
}
