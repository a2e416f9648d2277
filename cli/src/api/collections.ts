/** sObject Collections writes: 200 records per call, `allOrNone: false`, per-record results. */
import type { Api, WriteMode, WriteOutcome } from './client';
import type { SObjectRecord } from './csv';
import { LOCK } from './errors';

/** The sObject Collections per-record result. */
interface SaveResult {
    id?: string;
    success: boolean;
    created?: boolean;
    errors?: { statusCode?: string; errorCode?: string; message: string; fields?: string[] }[];
}

/** Records failing with UNABLE_TO_LOCK_ROW are retried (only those) with backoff. */
export async function collectionsWrite(
    api: Api,
    object: string,
    records: SObjectRecord[],
    mode: WriteMode,
    externalIdField?: string,
    onProgress?: (done: number) => void
): Promise<WriteOutcome> {
    const outcome: WriteOutcome = { ids: new Map(), created: 0, updated: 0, failures: [] };
    const path =
        mode === 'upsert'
            ? `/composite/sobjects/${encodeURIComponent(object)}/${encodeURIComponent(externalIdField ?? '')}`
            : '/composite/sobjects';
    for (let start = 0; start < records.length; start += 200) {
        let pending = records.slice(start, start + 200).map((r, i) => ({ r, index: start + i }));
        for (let attempt = 0; pending.length; attempt++) {
            const body = {
                allOrNone: false,
                records: pending.map(({ r }) => ({ attributes: { type: object }, ...r }))
            };
            const results = await api.request<SaveResult[]>(
                mode === 'create' ? 'POST' : 'PATCH',
                path,
                body
            );
            const locked: typeof pending = [];
            results.forEach((res, i) => {
                const item = pending[i];
                if (res.success) {
                    outcome.ids.set(item.index, res.id ?? String(item.r.Id ?? ''));
                    if (mode === 'create' || res.created) outcome.created += 1;
                    else outcome.updated += 1;
                    api.written += 1;
                    return;
                }
                const err = res.errors?.[0];
                const code = err?.statusCode ?? err?.errorCode ?? 'ERROR';
                if (code === LOCK && attempt < api.retries) {
                    locked.push(item);
                    return;
                }
                outcome.failures.push({
                    index: item.index,
                    errorCode: code,
                    message: err?.message ?? 'Unknown error'
                });
            });
            if (locked.length) {
                api.options.onRetry?.(
                    `${object}: ${locked.length} locked row(s), retry ${attempt + 1}`
                );
                await api.pause(api.backoffMs * 2 ** attempt);
            }
            pending = locked;
        }
        onProgress?.(Math.min(records.length, start + 200));
    }
    return outcome;
}
