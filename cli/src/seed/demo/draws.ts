/**
 * The seeded random source every part of the demo generator draws from, in one fixed order
 * (same seed and clock → identical records), and the record lists the parts fill.
 */
import { en, Faker } from '@faker-js/faker';
import { MS_PER_DAY } from '../../../../core/src/index';
import type { SeedRecord } from '../types';

export interface Draws {
    f: Faker;
    now: Date;
    nowMs: number;
    /** A working hour `d` days ago (minute drawn too), never in the future. */
    daysAgo(d: number, hour?: number): Date;
    iso(d: Date): string;
    day(d: Date): string;
    pick<T>(list: readonly T[]): T;
    chance(p: number): boolean;
}

export function draws(seed: number, now: Date): Draws {
    const f = new Faker({ locale: [en] });
    f.seed(seed);
    const nowMs = now.getTime();
    return {
        f,
        now,
        nowMs,
        daysAgo: (d, hour) => {
            const t = new Date(nowMs - d * MS_PER_DAY);
            // A working hour of that day, never in the future.
            t.setUTCHours(hour ?? f.number.int({ min: 8, max: 17 }), f.number.int(59), 0, 0);
            return t.getTime() > nowMs ? new Date(nowMs - 60_000) : t;
        },
        iso: (d) => d.toISOString(),
        day: (d) => d.toISOString().slice(0, 10),
        pick: (list) => list[f.number.int(list.length - 1)],
        chance: (p) => f.number.float({ min: 0, max: 1 }) < p
    };
}

/** The records of the data set the parts add to, per object. */
export interface DemoRecords {
    accounts: SeedRecord[];
    contacts: SeedRecord[];
    opportunities: SeedRecord[];
    leads: SeedRecord[];
    members: SeedRecord[];
    tasks: SeedRecord[];
    events: SeedRecord[];
}

export function demoRecords(): DemoRecords {
    return {
        accounts: [],
        contacts: [],
        opportunities: [],
        leads: [],
        members: [],
        tasks: [],
        events: []
    };
}
