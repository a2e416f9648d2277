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
import type { RelatedRecord, Severity } from '../types';
import { byId, contactIndex, groupMembers, leadGroups, leadKeys } from './indexes';

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
 * The lead to keep (its position): furthest along, then the most recently touched, then the
 * oldest, then the smallest id (so the choice never depends on input order). `group` is
 * sorted by id.
 */
function master(ctx: AuditContext, group: readonly number[]): number {
    const leads = ctx.snapshot.leads;
    const rank = (i: number) => STAGE_RANK[ctx.stageOf(leads[i].status, leads[i].isConverted)];
    const touched = (i: number) => {
        const ms = ctx.touchMs[i];
        return ms === ms ? ms : -Infinity;
    };
    const created = (i: number) => toEpochMs(leads[i].createdDate) || 0;
    let best = group[0];
    for (const i of group) {
        const d =
            rank(i) - rank(best) ||
            touched(i) - touched(best) ||
            created(best) - created(i) ||
            (leads[i].id < leads[best].id ? 1 : -1);
        if (d > 0) best = i;
    }
    return best;
}

interface Group {
    /** The members (positions) sorted by lead id. */
    members: number[];
    keep: Lead;
}

function leadGroupCheck(
    id: string,
    severity: Severity,
    title: string,
    match: string,
    enabled: keyof LeadLoopSettings,
    keyKind: 'email' | 'person' | 'phone',
    explanation: string
): HygieneCheck {
    return {
        id,
        severity,
        title,
        explanation,
        settings: [enabled],
        prepare: (ctx) => {
            if (ctx.settings[enabled] === false) return () => null;
            const leads = ctx.snapshot.leads;
            const sentence = `${match[0].toUpperCase()}${match.slice(1)}`;
            const masterRole = `${match} (suggested master)`;
            const keys = leadKeys(ctx, keyKind);
            const groups = leadGroups(ctx, keyKind);
            // Sorted and with a master once per group, when its first member is flagged.
            const seen = new Map<number, Group>();
            const groupAt = (h: number): Group => {
                let group = seen.get(h);
                if (!group) {
                    const members = groupMembers(groups, h).sort((a, b) =>
                        byId(leads[a], leads[b])
                    );
                    group = { members, keep: leads[master(ctx, members)] };
                    seen.set(h, group);
                }
                return group;
            };
            return (f: LeadFacts): FindingDraft | null => {
                if (!f.isOpen) return null;
                const h = groups.head[f.index];
                if (h < 0 || groups.size[h] < 2) return null;
                const { members, keep } = groupAt(h);
                // Name a few; a huge group must not cost its size per member.
                const others: Lead[] = [];
                for (const i of members) {
                    if (others.length === MAX_NAMED) break;
                    if (i !== f.index) others.push(leads[i]);
                }
                const count = members.length - 1;
                const key = keys[f.index];
                const related: RelatedRecord[] = others.map((l) => ({
                    object: 'Lead',
                    id: l.id,
                    name: leadName(l),
                    role: l.id === keep.id ? masterRole : match
                }));
                const names = others
                    .slice(0, 3)
                    .map((l) => leadName(l))
                    .join(', ');
                const isMaster = keep.id === f.lead.id;
                return {
                    detail: `${sentence} as ${plural(count, 'other lead')}: ${names}${count > 3 ? ', …' : ''}.`,
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
    'medium',
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
    'medium',
    'Duplicate: same person at the same company',
    'same person at the same company',
    'matchDuplicatePerson',
    'person',
    'Another lead has the same first and last name at the same company (legal forms such ' +
        'as Inc or GmbH ignored), even if the email differs.'
);

export const duplicatePhone = leadGroupCheck(
    'duplicate-phone',
    'low',
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
