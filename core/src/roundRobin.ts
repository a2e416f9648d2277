/**
 * Round-robin assignment over active reps with an optional cap on the open leads
 * each may hold: the one implementation for every place that hands leads out
 * (returning nurtured leads, reassigning a leaver's leads). Deterministic: reps in
 * name-then-id order, items in the order given.
 */
import type { Id } from './types';

export interface RoundRobinRep {
    id: Id;
    name: string;
    /** Open leads the rep already owns; counts towards the cap. */
    openLeads?: number;
}

export type RoundRobinResult<T> =
    { item: T; ok: true; rep: RoundRobinRep } | { item: T; ok: false; message: string };

function byNameThenId(a: RoundRobinRep, b: RoundRobinRep): number {
    return a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Deals `items` out one by one to the next rep below `cap` (null: no cap). An item
 * nobody can take is reported, not forced onto someone.
 */
export function assignRoundRobin<T>(
    items: readonly T[],
    reps: readonly RoundRobinRep[],
    cap: number | null
): RoundRobinResult<T>[] {
    const ordered = [...reps].sort(byNameThenId);
    const load = new Map(ordered.map((r) => [r.id, r.openLeads ?? 0]));
    let next = 0;
    return items.map((item) => {
        if (!ordered.length) {
            return { item, ok: false, message: 'There is no active rep to assign it to.' };
        }
        for (let step = 0; step < ordered.length; step++) {
            const rep = ordered[(next + step) % ordered.length];
            if (cap === null || load.get(rep.id)! < cap) {
                load.set(rep.id, load.get(rep.id)! + 1);
                next = (next + step + 1) % ordered.length;
                return { item, ok: true, rep };
            }
        }
        return {
            item,
            ok: false,
            message: `Every active rep already holds the cap of ${cap} open leads.`
        };
    });
}
