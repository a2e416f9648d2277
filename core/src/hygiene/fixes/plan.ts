/**
 * `planFix(kind, findings, leads, options)`: what a bulk fix would change on each lead, from
 * the value read to the value to write. Pure: the audit page and `leadloop fix` show it as
 * the preview and apply exactly it. Leads the fix cannot or need not change are skipped with
 * the reason; input that makes the whole fix meaningless (no target, a closed master) throws.
 */
import { LEAD_FIELDS } from '../../schema';
import { assignRoundRobin, type RoundRobinRep } from '../../roundRobin';
import type { Id, Lead, LeadLoopSettings } from '../../types';
import { leadName } from '../context';
import type { Finding } from '../types';
import {
    APPLICABLE_FIX_KINDS,
    FixInputError,
    type ApplicableFixKind,
    type FieldChange,
    type FixOwner,
    type FixPlan,
    type LeadChange,
    type LeadSkip
} from './types';

export interface FixOptions {
    settings: LeadLoopSettings;
    /** reassign: the user or queue every lead goes to. */
    to?: FixOwner | null;
    /** reassign: deal the leads out over these active reps (each with its open leads). */
    roundRobin?: { reps: readonly RoundRobinRep[]; cap: number | null } | null;
    /** merge-duplicate: the lead the others are closed in favour of (default: the suggested master of each group). */
    masterId?: Id | null;
    /** close / merge-duplicate: the Lead Status to close with (default: the settings' close status). */
    closeStatus?: string | null;
}

/** The Lead Status a fix closes leads with: the setting, else the first disqualified status. */
export function closeStatusOf(settings: LeadLoopSettings): string | null {
    return settings.closeStatus || settings.disqualifiedStatuses[0] || null;
}

function isClosed(lead: Lead, settings: LeadLoopSettings, closeStatus: string | null): boolean {
    return (
        lead.isConverted === true ||
        settings.disqualifiedStatuses.includes(lead.status) ||
        (closeStatus !== null && lead.status === closeStatus)
    );
}

const text = (v: unknown): string | null =>
    v === null || v === undefined || v === '' ? null : String(v);

/** The changes among `wanted` whose value differs from the lead's (a re-run finds none). */
function diff(lead: Lead, wanted: Partial<Record<keyof Lead, string | null>>): FieldChange[] {
    const changes: FieldChange[] = [];
    for (const [key, to] of Object.entries(wanted) as [keyof Lead, string | null][]) {
        const from = text(lead[key]);
        if (from !== to) changes.push({ field: LEAD_FIELDS[key], from, to });
    }
    return changes;
}

interface Target {
    lead: Lead;
    findings: Finding[];
}

/** What one lead gets, or why it is skipped. */
type Decide = (target: Target) => Partial<Record<keyof Lead, string | null>> | string;

function checkedKind(kind: string): ApplicableFixKind {
    if (!(APPLICABLE_FIX_KINDS as readonly string[]).includes(kind)) {
        throw new FixInputError(
            `"${kind}" is not a fix that changes records. Fixes: ${APPLICABLE_FIX_KINDS.join(', ')}.`
        );
    }
    return kind as ApplicableFixKind;
}

function reassign(targets: Target[], options: FixOptions): Map<Id, Decide> | Decide {
    const { to, roundRobin } = options;
    if (to && roundRobin) {
        throw new FixInputError('Reassign either to one owner or round-robin, not both.');
    }
    if (to) {
        if (!to.id) throw new FixInputError('The new owner has no id.');
        if (to.kind === 'user' && to.isActive === false) {
            throw new FixInputError(`${to.name} is an inactive user and cannot own leads.`);
        }
        return () => ({ ownerId: to.id });
    }
    if (!roundRobin) {
        throw new FixInputError(
            'Reassign needs a new owner: a user, a queue, or round-robin over active reps.'
        );
    }
    const dealt = assignRoundRobin(
        targets.filter((t) => !isClosed(t.lead, options.settings, null)),
        roundRobin.reps,
        roundRobin.cap
    );
    return new Map(
        dealt.map((r): [Id, Decide] => [
            r.item.lead.id,
            () => (r.ok ? { ownerId: r.rep.id } : r.message)
        ])
    );
}

function mergeDuplicate(leads: Map<Id, Lead>, options: FixOptions, closeStatus: string): Decide {
    const { settings, masterId } = options;
    if (masterId) {
        const master = leads.get(masterId);
        if (!master) throw new FixInputError(`The master ${masterId} is not among the leads read.`);
        if (isClosed(master, settings, closeStatus)) {
            throw new FixInputError(
                `The master ${leadName(master)} (${masterId}) is itself ${master.isConverted ? 'converted' : `closed (${master.status})`}; choose an open lead as the master.`
            );
        }
    }
    return ({ lead, findings }) => {
        const groupIds = new Set(
            findings.flatMap((f) => [
                f.fix.targetId,
                ...f.evidence.related.filter((r) => r.object !== 'User').map((r) => r.id)
            ])
        );
        const targetId = masterId ?? findings.find((f) => f.fix.targetId)?.fix.targetId;
        if (!targetId) return 'no master to close it in favour of';
        if (targetId === lead.id) return 'it is the master';
        if (masterId && !groupIds.has(masterId)) return `not a duplicate of the master ${masterId}`;
        const related = findings.flatMap((f) => f.evidence.related).find((r) => r.id === targetId);
        if (related?.object === 'Contact') {
            return { status: closeStatus, movedOnContactId: targetId };
        }
        const master = leads.get(targetId);
        if (!master) return `the master ${targetId} is not among the leads read`;
        if (isClosed(master, settings, closeStatus)) {
            return `the master ${leadName(master)} is itself ${master.isConverted ? 'converted' : 'closed'}`;
        }
        return { status: closeStatus, duplicateOfId: targetId };
    };
}

function markMovedOn(): Decide {
    return ({ findings }) => {
        const related = findings.flatMap((f) => f.evidence.related);
        const opportunity = related.find((r) => r.object === 'Opportunity')?.id ?? null;
        const contact = related.find((r) => r.object === 'Contact')?.id ?? null;
        if (!opportunity && !contact) return 'no contact or opportunity to link it to';
        return {
            ...(opportunity ? { movedOnOpportunityId: opportunity } : {}),
            ...(contact ? { movedOnContactId: contact } : {})
        };
    };
}

/**
 * Plans `kind` for the leads of `findings` whose suggested fix is that kind. `leads` are the
 * leads as read (the "from" values and the LastModifiedDate the apply compares).
 */
export function planFix(
    kind: string,
    findings: readonly Finding[],
    leads: readonly Lead[],
    options: FixOptions
): FixPlan {
    const fixKind = checkedKind(kind);
    if (!options?.settings) throw new FixInputError('planFix needs the settings.');
    const byId = new Map(leads.map((l) => [l.id, l]));
    const targets = new Map<Id, Target>();
    const skipped: LeadSkip[] = [];
    for (const finding of findings) {
        if (finding.fix.kind !== fixKind) continue;
        const known = targets.get(finding.leadId);
        if (known) {
            known.findings.push(finding);
            continue;
        }
        const lead = byId.get(finding.leadId);
        if (!lead) {
            skipped.push({
                leadId: finding.leadId,
                leadName: finding.leadName,
                reason: 'not among the leads read'
            });
            continue;
        }
        targets.set(lead.id, { lead, findings: [finding] });
    }
    const closeStatus = options.closeStatus || closeStatusOf(options.settings);
    if ((fixKind === 'close' || fixKind === 'merge-duplicate') && !closeStatus) {
        throw new FixInputError(
            'There is no status to close leads with: set LL_Close_Status__c (or a disqualified status) in the settings.'
        );
    }
    const list = [...targets.values()];
    let decide: Map<Id, Decide> | Decide;
    if (fixKind === 'reassign') decide = reassign(list, options);
    else if (fixKind === 'close') decide = () => ({ status: closeStatus });
    else if (fixKind === 'merge-duplicate') decide = mergeDuplicate(byId, options, closeStatus!);
    else decide = markMovedOn();

    const changes: LeadChange[] = [];
    for (const target of list) {
        const { lead, findings: own } = target;
        const name = leadName(lead);
        const skip = (reason: string) => skipped.push({ leadId: lead.id, leadName: name, reason });
        if (lead.isConverted) {
            skip('the lead is converted');
            continue;
        }
        if (fixKind !== 'mark-moved-on' && isClosed(lead, options.settings, closeStatus)) {
            skip(`the lead is already closed (${lead.status})`);
            continue;
        }
        const rule = typeof decide === 'function' ? decide : decide.get(lead.id);
        const wanted = rule ? rule(target) : 'nothing to do';
        if (typeof wanted === 'string') {
            skip(wanted);
            continue;
        }
        const fieldChanges = diff(lead, wanted);
        if (!fieldChanges.length) {
            skip('nothing to do: the lead already has these values');
            continue;
        }
        changes.push({
            leadId: lead.id,
            leadName: name,
            kind: fixKind,
            checkIds: [...new Set(own.map((f) => f.checkId))],
            changes: fieldChanges,
            lastModifiedDate: lead.lastModifiedDate ?? null
        });
    }
    return { kind: fixKind, changes, skipped };
}
