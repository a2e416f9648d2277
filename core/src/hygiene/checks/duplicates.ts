/**
 * Duplicates: leads sharing a normalised email, the same person at the same company, the
 * same phone (E.164), or matching an existing Contact. Built from hash maps in one pass
 * (linear in the number of leads). Every open lead of a group is flagged, each naming the
 * others and the suggested master, so the result does not depend on the order of records.
 */
import { toEpochMs } from '../../dates';
import type { Lead } from '../../types';
import type { AuditContext, LeadFacts, Stage } from '../context';
import { evidence, plural, type FindingDraft, type HygieneCheck } from '../check';
import { leadName } from '../context';
import type { LeadLoopSettings } from '../../types';
import type { RelatedRecord } from '../types';
import { addTo, byId, contactIndex, leadKeys } from './indexes';

/** At most this many other leads are named in one finding (the count is always given). */
const MAX_NAMED = 10;

const STAGE_RANK: Record<Stage, number> = {
    qualified: 4,
    working: 3,
    open: 2,
    nurturing: 2,
    other: 1,
    disqualified: 0,
    converted: 0
};

/**
 * The lead to keep: furthest along, then the most recently touched, then the oldest,
 * then the smallest id (so the choice never depends on input order).
 */
function master(ctx: AuditContext, group: readonly Lead[]): Lead {
    let best = group[0];
    const rank = (l: Lead) => STAGE_RANK[ctx.stageOf(l.status, l.isConverted)];
    const touched = (l: Lead) => ctx.touches.get(l.id)?.ms ?? -Infinity;
    const created = (l: Lead) => toEpochMs(l.createdDate) || 0;
    for (const l of group) {
        const d =
            rank(l) - rank(best) ||
            touched(l) - touched(best) ||
            created(best) - created(l) ||
            (l.id < best.id ? 1 : -1);
        if (d > 0) best = l;
    }
    return best;
}

function leadGroupCheck(
    id: string,
    title: string,
    match: string,
    enabled: keyof LeadLoopSettings,
    keyKind: 'email' | 'person' | 'phone',
    explanation: string
): HygieneCheck {
    return {
        id,
        severity: id === 'duplicate-phone' ? 'low' : 'medium',
        title,
        explanation,
        settings: [enabled],
        prepare: (ctx) => {
            if (ctx.settings[enabled] === false) return () => null;
            const keys = leadKeys(ctx, keyKind);
            const groups = new Map<string, Lead[]>();
            ctx.snapshot.leads.forEach((lead, i) => {
                if (lead?.id && !lead.isConverted) addTo(groups, keys[i], lead);
            });
            const masters = new WeakMap<Lead[], Lead>();
            return (f: LeadFacts): FindingDraft | null => {
                if (!f.isOpen) return null;
                const key = keys[f.index];
                const group = key === null ? undefined : groups.get(key);
                if (!group || group.length < 2) return null;
                let keep = masters.get(group);
                if (!keep) {
                    group.sort(byId);
                    keep = master(ctx, group);
                    masters.set(group, keep);
                }
                // Name a few; a huge group must not cost its size per member.
                const others: Lead[] = [];
                for (const l of group) {
                    if (others.length === MAX_NAMED) break;
                    if (l.id !== f.lead.id) others.push(l);
                }
                const count = group.length - 1;
                const related: RelatedRecord[] = others.map((l) => ({
                    object: 'Lead',
                    id: l.id,
                    name: leadName(l),
                    role: l.id === keep.id ? `${match} (suggested master)` : match
                }));
                const names = others
                    .slice(0, 3)
                    .map((l) => leadName(l))
                    .join(', ');
                const isMaster = keep.id === f.lead.id;
                return {
                    detail: `${match[0].toUpperCase()}${match.slice(1)} as ${plural(count, 'other lead')}: ${names}${count > 3 ? ', …' : ''}.`,
                    evidence: evidence(
                        { createdDate: f.lead.createdDate ?? null },
                        { matchKey: key, duplicates: count, masterId: keep.id },
                        related
                    ),
                    fix: {
                        kind: 'merge-duplicate',
                        targetId: keep.id,
                        text: isMaster
                            ? 'Keep this lead as the master and close the others as its duplicates.'
                            : `Close it as a duplicate of ${leadName(keep)} (the suggested master).`
                    }
                };
            };
        }
    };
}

export const duplicateEmail = leadGroupCheck(
    'duplicate-email',
    'Duplicate: same email',
    'same email',
    'matchDuplicateEmail',
    'email',
    'Another lead has the same email address (ignoring case, +tags and Gmail dots; a ' +
        'placeholder such as test@… only counts with the same name). ' +
        'Two reps may be calling the same person, or one was entered twice for credit.'
);

export const duplicatePerson = leadGroupCheck(
    'duplicate-person',
    'Duplicate: same person at the same company',
    'same person at the same company',
    'matchDuplicatePerson',
    'person',
    'Another lead has the same first and last name at the same company (legal forms such ' +
        'as Inc or GmbH ignored), even if the email differs.'
);

export const duplicatePhone = leadGroupCheck(
    'duplicate-phone',
    'Duplicate: same phone',
    'same phone',
    'matchDuplicatePhone',
    'phone',
    'Another lead has the same phone number once both are written in international ' +
        '(E.164) form.'
);

export const duplicateOfContact: HygieneCheck = {
    id: 'duplicate-of-contact',
    severity: 'medium',
    title: 'Duplicate of an existing contact',
    explanation:
        'The person is already a Contact (same email, or same name at the same account). ' +
        'Work them as the contact; the lead is a duplicate.',
    settings: ['matchDuplicateContact'],
    prepare: (ctx) => {
        if (!ctx.settings.matchDuplicateContact) return () => null;
        const contacts = contactIndex(ctx);
        const emails = leadKeys(ctx, 'email');
        const persons = leadKeys(ctx, 'person');
        return (f) => {
            if (!f.isOpen) return null;
            const email = emails[f.index];
            const byEmail = email ? contacts.byEmail.get(email) : undefined;
            const person = byEmail ? null : persons[f.index];
            const found = byEmail ?? (person ? contacts.byPerson.get(person) : undefined);
            if (!found) return null;
            const contact = found[0];
            const contactName = [contact.firstName, contact.lastName].filter(Boolean).join(' ');
            const how = byEmail ? 'same email' : 'same person at the same account';
            return {
                detail: `Already a contact: ${contactName}${contact.accountName ? ` at ${contact.accountName}` : ''} (${how}).`,
                evidence: evidence(
                    {
                        createdDate: f.lead.createdDate ?? null,
                        contactCreated: contact.createdDate ?? null
                    },
                    { match: how, contacts: found.length },
                    found.slice(0, MAX_NAMED).map((c) => ({
                        object: 'Contact' as const,
                        id: c.id,
                        name: [c.firstName, c.lastName].filter(Boolean).join(' '),
                        role: how
                    }))
                ),
                fix: {
                    kind: 'merge-duplicate',
                    targetId: contact.id,
                    text: `Close the lead as a duplicate of the contact ${contactName} and work the contact.`
                }
            };
        };
    }
};
