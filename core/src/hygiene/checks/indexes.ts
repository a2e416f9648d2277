/**
 * Hash indexes over the snapshot keyed by normalised values, so matching is linear:
 * one pass to build, one lookup per lead, never a comparison of every pair.
 */
import { toEpochMs } from '../../dates';
import type { Id, Opportunity } from '../../types';
import { AUDITED, type AuditContext } from '../context';
import { PositionTable } from '../positionTable';
import {
    FREE_MAIL_DOMAINS,
    normalizePhone,
    normalizeCompany,
    emailMatchKey,
    normalizePersonName,
    websiteDomain
} from '../normalize';
import type { HygieneAccount, HygieneContact } from '../types';

/** Appends to a list per key (a Map of arrays). */
export function addTo<K, V>(map: Map<K, V[]>, key: K | null, value: V): void {
    if (key === null || key === '') return;
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
}

export const byId = <T extends { id: Id }>(a: T, b: T): number =>
    a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

export function personAtCompany(first: unknown, last: unknown, company: unknown): string | null {
    return first ? personKey(first, last, normalizeCompany(company)) : null;
}

type LeadKeyKind = 'email' | 'person' | 'phone' | 'company';

/**
 * One normalised key per lead (by position in snapshot.leads; null for leads not audited),
 * computed once per audit and shared: the duplicate, contact and moved-on checks all match
 * on the same keys.
 */
export function leadKeys(ctx: AuditContext, kind: LeadKeyKind): (string | null)[] {
    return ctx.shared(`leadKeys:${kind}`, () => {
        const leads = ctx.snapshot.leads;
        const keys: (string | null)[] = new Array(leads.length).fill(null);
        const audited = (i: number) => ctx.leadState[i] === AUDITED;
        if (kind === 'company') {
            // Companies repeat across leads: normalise each distinct name once per audit.
            const seen = new Map<unknown, string | null>();
            for (let i = 0; i < leads.length; i++) {
                if (!audited(i)) continue;
                const company = leads[i].company;
                let key = seen.get(company);
                if (key === undefined) {
                    key = normalizeCompany(company);
                    seen.set(company, key);
                }
                keys[i] = key;
            }
        } else if (kind === 'person') {
            const companies = leadKeys(ctx, 'company');
            for (let i = 0; i < leads.length; i++) {
                const l = leads[i];
                if (audited(i) && l.firstName)
                    keys[i] = personKey(l.firstName, l.lastName, companies[i]);
            }
        } else {
            for (let i = 0; i < leads.length; i++) {
                if (!audited(i)) continue;
                const l = leads[i];
                keys[i] =
                    kind === 'email'
                        ? emailMatchKey(l.email, l.firstName, l.lastName)
                        : normalizePhone(l.phone, l.country);
            }
        }
        return keys;
    });
}

/** The person-at-company key from a normalised company (see `personAtCompany`). */
function personKey(first: unknown, last: unknown, org: string | null): string | null {
    if (!org) return null;
    const person = normalizePersonName(first, last);
    return person ? `${person}|${org}` : null;
}

/**
 * Open and unconverted leads grouped by one key, without an array per group: each lead's
 * group head (the group's first lead by position, or -1), the group's size at its head, and
 * the next lead of the same group. A million leads make four typed arrays, not a million
 * lists the garbage collector has to copy.
 */
export interface LeadGroups {
    head: Int32Array;
    size: Int32Array;
    next: Int32Array;
}

export function leadGroups(ctx: AuditContext, kind: 'email' | 'person' | 'phone'): LeadGroups {
    return ctx.shared(`leadGroups:${kind}`, () => {
        const keys = leadKeys(ctx, kind);
        const leads = ctx.snapshot.leads;
        const n = keys.length;
        const head = new Int32Array(n).fill(-1);
        const size = new Int32Array(n);
        const next = new Int32Array(n).fill(-1);
        const tail = new Int32Array(n);
        const table = new PositionTable(keys, n);
        for (let i = 0; i < n; i++) {
            const key = keys[i];
            if (key === null || key === '' || leads[i].isConverted) continue;
            const h = table.add(i);
            if (h < 0) {
                head[i] = i;
                size[i] = 1;
                tail[i] = i;
            } else {
                head[i] = h;
                size[h] += 1;
                next[tail[h]] = i;
                tail[h] = i;
            }
        }
        return { head, size, next };
    });
}

/** The positions of the leads in the group headed at `h`, in position order. */
export function groupMembers(groups: LeadGroups, h: number): number[] {
    const out: number[] = [];
    for (let i = h; i >= 0; i = groups.next[i]) out.push(i);
    return out;
}

export interface ContactIndex {
    byEmail: Map<string, HygieneContact[]>;
    byPerson: Map<string, HygieneContact[]>;
}

export function contactIndex(ctx: AuditContext): ContactIndex {
    return ctx.shared('contacts', () => {
        const accountNames = accountIndex(ctx).byId;
        const byEmail = new Map<string, HygieneContact[]>();
        const byPerson = new Map<string, HygieneContact[]>();
        for (const c of ctx.snapshot.contacts) {
            if (!c?.id) continue;
            addTo(byEmail, emailMatchKey(c.email, c.firstName, c.lastName), c);
            const company = c.accountName ?? accountNames.get(c.accountId ?? '')?.name;
            addTo(byPerson, personAtCompany(c.firstName, c.lastName, company), c);
        }
        for (const list of [...byEmail.values(), ...byPerson.values()]) list.sort(byId);
        return { byEmail, byPerson };
    });
}

export interface AccountIndex {
    byId: Map<Id, HygieneAccount>;
    byDomain: Map<string, HygieneAccount[]>;
    byName: Map<string, HygieneAccount[]>;
    /** The latest-created opportunity per account that is open or won (a deal). */
    latestDeal: Map<Id, Opportunity>;
}

const isDeal = (o: Opportunity): boolean => !o.isClosed || o.isWon;

export function accountIndex(ctx: AuditContext): AccountIndex {
    return ctx.shared('accounts', () => {
        const accounts = new Map<Id, HygieneAccount>();
        const byDomain = new Map<string, HygieneAccount[]>();
        const byName = new Map<string, HygieneAccount[]>();
        for (const a of ctx.snapshot.accounts) {
            if (!a?.id) continue;
            accounts.set(a.id, a);
            const domain = websiteDomain(a.website);
            if (domain && !FREE_MAIL_DOMAINS.has(domain)) addTo(byDomain, domain, a);
            addTo(byName, normalizeCompany(a.name), a);
        }
        for (const list of [...byDomain.values(), ...byName.values()]) list.sort(byId);
        const latestDeal = new Map<Id, Opportunity>();
        for (const o of ctx.snapshot.opportunities) {
            if (!o?.accountId || !isDeal(o)) continue;
            const seen = latestDeal.get(o.accountId);
            const ms = toEpochMs(o.createdDate);
            const seenMs = seen ? toEpochMs(seen.createdDate) : Number.NaN;
            const later = !seen || ms > seenMs || (ms === seenMs && o.id < seen.id);
            if (later) latestDeal.set(o.accountId, o);
        }
        return { byId: accounts, byDomain, byName, latestDeal };
    });
}
