/** Small hand-made records for the metrics tests, with a fixed clock. */
import { DEFAULT_SETTINGS, MS_PER_DAY, type Lead, type MetricActivity } from '../../src/index';

export const NOW = new Date('2026-11-24T12:00:00.000Z');
export const OPTIONS = { settings: DEFAULT_SETTINGS, now: NOW };
export const REP_A = '005000000000000AAA';
export const REP_B = '005000000000000BBB';
export const QUEUE = '00G000000000000QQQ';

/** The moment `days` (and `hours`) before NOW, as ISO. */
export const ago = (days: number, hours = 0): string =>
    new Date(NOW.getTime() - days * MS_PER_DAY - hours * 3_600_000).toISOString();
/** The moment `hours` after an ISO moment. */
export const after = (iso: string, hours: number): string =>
    new Date(Date.parse(iso) + hours * 3_600_000).toISOString();

let seq = 0;
export function lead(values: Partial<Lead> = {}): Lead {
    seq += 1;
    return {
        id: `00Q00000000000${String(seq).padStart(4, '0')}`,
        lastName: `Lead ${seq}`,
        company: 'Acme',
        status: 'New',
        isConverted: false,
        ownerId: REP_A,
        createdDate: ago(10),
        ...values
    };
}

export function task(whoId: string, createdDate: string, values: Partial<MetricActivity> = {}) {
    return {
        kind: 'Task' as const,
        whoId,
        activityDate: createdDate.slice(0, 10),
        status: 'Completed',
        createdDate,
        ...values
    };
}

export function event(whoId: string, startDateTime: string) {
    return {
        kind: 'Event' as const,
        whoId,
        activityDate: startDateTime.slice(0, 10),
        startDateTime,
        status: null,
        createdDate: ago(30)
    };
}
