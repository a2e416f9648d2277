/**
 * Hash indexes over the snapshot keyed by normalised values, so matching is linear:
 * one pass to build, one lookup per lead, never a comparison of every pair.
 */
import { toEpochMs } from '../../dates';
import type { Id, Lead, Opportunity } from '../../types';
import type { AuditContext } from '../context';
import {
    emailDomain,
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
    if (!first) return null;
    const person = normalizePersonName(first, last);
    const org = normalizeCompany(company);
    return person && org ? `${person}|${org}` : null;
}

const LEAD_KEYS = {
    email: (l: Lead) => emailMatchKey(l.email, l.firstName, l.lastName),
    person: (l: Lead) => personAtCompany(l.firstName, l.lastName, l.company),
    phone: (l: Lead) => normalizePhone(l.phone, l.country),
    company: (l: Lead) => normalizeCompany(l.company),
    domain: (l: Lead) => emailDomain(l.email)
} as const;

/**
 * One normalised key per lead (by position in snapshot.leads), computed once per audit and
 * shared: the duplicate, contact and moved-on checks all match on the same keys.
 */
export function leadKeys(ctx: AuditContext, kind: keyof typeof LEAD_KEYS): (string | null)[] {
    return ctx.shared(`leadKeys:${kind}`, () => {
        const keyOf = LEAD_KEYS[kind];
        return ctx.snapshot.leads.map((lead) => (lead?.id ? keyOf(lead) : null));
    });
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
