/** A throwaway in-memory local org for one test file, seeded through its store in one transaction. */
import { afterAll, beforeAll } from 'vitest';
import { startLocalOrg, type LocalOrg } from '../src/index';
import type { SqliteSource } from '../src/store/sqliteSource';

export interface SeededOrg {
    /** Set before the file's tests run. */
    org: LocalOrg;
    /** The ids the seed kept, by the names it chose. */
    ids: Record<string, string>;
}

export function seededOrg(seed: (store: SqliteSource, ids: Record<string, string>) => void) {
    const seeded = { ids: {} } as SeededOrg;
    beforeAll(async () => {
        seeded.org = await startLocalOrg({ dataDir: ':memory:' });
        seeded.org.store.transaction(() => seed(seeded.org.store, seeded.ids));
    });
    afterAll(() => seeded.org.close());
    return seeded;
}
