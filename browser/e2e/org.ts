/**
 * The org the journeys, screenshots and benchmark run against: the real local
 * org (localorg/src/index.ts) in memory, with the small demo data set of
 * demoData.ts and the report links `npm start` stores, serving the production browser build.
 */
import type { RecordValues } from '../../localorg/src/store/source';
import type { SqliteSource } from '../../localorg/src/store/sqliteSource';
import { startLocalOrg } from '../../localorg/src/index';
import { seedPreview } from './demoData';
import { prepareDemo } from '../../scripts/seedDemo';

export interface BrowserOrg {
    url: string;
    accessToken: string;
    /** Reads rows for assertions on what ended up in the database. */
    find(object: string, where: Record<string, unknown>, fields: string[]): RecordValues[];
    /** Changes a record behind the UI's back (as jsforce or another user would). */
    update(object: string, id: string, values: RecordValues): void;
    /** Creates a record behind the UI's back; answers its id. */
    create(object: string, values: RecordValues): string;
    /** Deletes a record behind the UI's back. */
    remove(object: string, id: string): void;
    /** Converts a lead behind the UI's back (as a rep converting it elsewhere would). */
    convertLead(id: string, conversion: Parameters<SqliteSource['convertLead']>[1]): void;
    close(): Promise<void>;
}

export async function startBrowserOrg(
    options: { port?: number; audit?: boolean } = {}
): Promise<BrowserOrg> {
    const org = await startLocalOrg({ dataDir: ':memory:', port: options.port ?? 0 });
    seedPreview(org.store, new Date());
    // As `npm start` does: the report links, and with `audit` one audit run (the journeys
    // run the audit themselves; the screenshots show its figures).
    await prepareDemo(org, { audit: options.audit ?? false });
    return {
        url: org.instanceUrl,
        accessToken: org.accessToken,
        find(object, where, fields) {
            const filters = Object.entries(where).map(([field, value]) => ({
                field,
                op: 'eq' as const,
                value
            }));
            return org.store.find(object, {
                fields,
                where: filters.length ? { and: filters } : undefined,
                limit: 10_000,
                offset: 0
            }).records;
        },
        update(object, id, values) {
            org.store.update(object, id, values);
        },
        create: (object, values) => org.store.create(object, values),
        remove(object, id) {
            org.store.delete(object, id);
        },
        convertLead: (id, conversion) => org.store.convertLead(id, conversion),
        close: () => org.close()
    };
}
