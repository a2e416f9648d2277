/**
 * The way back to sales: when a nurtured lead is ready to return (its nurture date
 * has passed, or it scores Hot again), and who gets it — the previous owner while
 * still active, otherwise the rule in settings (a queue, or round-robin over active
 * reps with an optional cap). A returned lead counts as recycled
 * (LL_Recycled_Count__c, LL_Returned_At__c), so reports can count recycled wins.
 */
import { daysBetween, isoDate } from '../dates';
import { leadToRecord, type SalesforceRecord } from '../records';
import { assignRoundRobin, type RoundRobinRep } from '../roundRobin';
import { SETTINGS } from '../schema';
import { scoreFieldChanges } from '../scoring/changes';
import type { ScoreResult } from '../scoring/score';
import type { Id, Lead, LeadLoopSettings, Owner } from '../types';
import { isInNurture, sameId } from './handBack';

export type ReturnTrigger = 'nurtureDatePassed' | 'hotAgain';

export interface Readiness {
    ready: boolean;
    /** Why it is ready (both when both hold); empty when not ready. */
    triggers: ReturnTrigger[];
    /** One sentence for the nurture queue page and the CLI. */
    message: string;
}

/**
 * Ready to return to sales: in nurture, not converted, and its nurture-until date is
 * today or earlier, or its tier is Hot again.
 */
export function readyToReturn(
    lead: Lead,
    settings: LeadLoopSettings,
    now: Date,
    nurtureQueueId?: Id | null
): Readiness {
    if (lead.isConverted) {
        return { ready: false, triggers: [], message: 'Converted; nothing to return.' };
    }
    if (!isInNurture(lead, settings, nurtureQueueId)) {
        return { ready: false, triggers: [], message: 'Not in nurture.' };
    }
    const triggers: ReturnTrigger[] = [];
    const parts: string[] = [];
    const today = isoDate(now);
    if (lead.nurtureUntil && lead.nurtureUntil <= today) {
        triggers.push('nurtureDatePassed');
        const ago = daysBetween(lead.nurtureUntil, today);
        parts.push(
            ago === 0
                ? `Nurture date ${lead.nurtureUntil} is today`
                : `Nurture date ${lead.nurtureUntil} passed ${ago} day${ago === 1 ? '' : 's'} ago`
        );
    }
    if (lead.tier === 'Hot') {
        triggers.push('hotAgain');
        parts.push('scores Hot again');
    }
    if (triggers.length) {
        const text = parts.join('; ');
        return { ready: true, triggers, message: `${text[0].toUpperCase()}${text.slice(1)}.` };
    }
    const until = lead.nurtureUntil
        ? `In nurture until ${lead.nurtureUntil} (${daysBetween(today, lead.nurtureUntil)} days left)`
        : 'In nurture with no nurture-until date';
    return {
        ready: false,
        triggers,
        message: `${until}; tier ${lead.tier ?? 'not scored'}.`
    };
}

/** A possible owner: users (active or not) and queues; `openLeads` counts towards the cap. */
export interface ReturnOwner extends Owner {
    openLeads?: number;
    /** Takes part in round-robin (default: every active user). */
    inRoundRobin?: boolean;
}

export interface ReturnContext {
    now: Date;
    /** Id of the queue named by `settings.returnQueue`, resolved by the caller. */
    returnQueueId?: Id | null;
    nurtureQueueId?: Id | null;
}

export type ReturnVia = 'previousOwner' | 'queue' | 'roundRobin';

export type ReturnPlanItem =
    | {
          leadId: Id;
          ok: true;
          to: { id: Id; name: string; via: ReturnVia };
          /** Why this owner, for the preview. */
          explanation: string;
          changes: Partial<Lead> & { id: Id };
          fields: SalesforceRecord;
      }
    | { leadId: Id; ok: false; message: string };

/**
 * Who gets each lead, with the field changes. The previous owner gets it back with
 * the status it had (unless that was the nurturing status); anyone else gets it as
 * new (the first open status). Per-lead problems are reported per lead.
 */
export function planReturn(
    leads: readonly Lead[],
    users: readonly ReturnOwner[],
    settings: LeadLoopSettings,
    context: ReturnContext
): ReturnPlanItem[] {
    const byId = (id: Id | null | undefined) => users.find((u) => sameId(u.id, id));
    const openStatus = settings.openStatuses[0] ?? 'Open - Not Contacted';
    const returnedAt = context.now.toISOString();
    const results: ReturnPlanItem[] = [];
    const toRule: { index: number; lead: Lead; why: string }[] = [];

    const planned = (
        lead: Lead,
        to: { id: Id; name: string; via: ReturnVia },
        status: string,
        explanation: string
    ): ReturnPlanItem => {
        const changes = {
            id: lead.id,
            ownerId: to.id,
            status,
            returnedAt,
            recycledCount: (lead.recycledCount ?? 0) + 1
        };
        return {
            leadId: lead.id,
            ok: true,
            to,
            explanation,
            changes,
            fields: leadToRecord(changes)
        };
    };

    for (const [index, lead] of leads.entries()) {
        if (lead.isConverted) {
            results[index] = {
                leadId: lead.id,
                ok: false,
                message: 'Converted; nothing to return.'
            };
            continue;
        }
        if (!isInNurture(lead, settings, context.nurtureQueueId)) {
            results[index] = {
                leadId: lead.id,
                ok: false,
                message: 'Not in nurture; it is already with sales.'
            };
            continue;
        }
        const previous = byId(lead.previousOwnerId);
        if (previous?.isActive) {
            const status =
                lead.previousStatus && lead.previousStatus !== settings.nurturingStatus
                    ? lead.previousStatus
                    : openStatus;
            const item = planned(
                lead,
                { id: previous.id, name: previous.name, via: 'previousOwner' },
                status,
                `Back to ${previous.name}, who handed it back.`
            );
            results[index] = item;
            continue;
        }
        const why = previous
            ? `${previous.name}, who handed it back, is no longer active`
            : lead.previousOwnerId
              ? `its previous owner (${lead.previousOwnerId}) is not a known user`
              : 'its previous owner is not recorded';
        toRule.push({ index, lead, why });
    }

    if (settings.returnRule === 'Queue') {
        for (const { index, lead, why } of toRule) {
            const queue = context.returnQueueId ? byId(context.returnQueueId) : undefined;
            results[index] = context.returnQueueId
                ? planned(
                      lead,
                      {
                          id: context.returnQueueId,
                          name: queue?.name ?? settings.returnQueue,
                          via: 'queue'
                      },
                      openStatus,
                      `To the queue ${queue?.name ?? settings.returnQueue}: ${why}.`
                  )
                : {
                      leadId: lead.id,
                      ok: false,
                      message: `The return queue "${settings.returnQueue}" (${SETTINGS.fields.returnQueue}) was not found; ${why}.`
                  };
        }
    } else {
        // Leads going back to their previous owner count towards that owner's cap (the
        // leads still to place leave holes in `results`).
        const extra = new Map<Id, number>();
        for (const item of results) {
            if (item?.ok) extra.set(item.to.id, (extra.get(item.to.id) ?? 0) + 1);
        }
        const reps: RoundRobinRep[] = users
            .filter((u) => u.type === 'User' && u.isActive && u.inRoundRobin !== false)
            .map((u) => ({
                id: u.id,
                name: u.name,
                openLeads: (u.openLeads ?? 0) + (extra.get(u.id) ?? 0)
            }));
        for (const result of assignRoundRobin(toRule, reps, settings.roundRobinCap)) {
            const { index, lead, why } = result.item;
            results[index] = result.ok
                ? planned(
                      lead,
                      { id: result.rep.id, name: result.rep.name, via: 'roundRobin' },
                      openStatus,
                      `Round-robin to ${result.rep.name}: ${why}.`
                  )
                : { leadId: lead.id, ok: false, message: `${result.message} (${why}.)` };
        }
    }
    return results;
}

/**
 * What LL_Ready_To_Return__c holds for this lead: why it is ready to return, in words that
 * stay the same while the facts do (no "N days ago"), so a daily rescore does not rewrite
 * it; null when it is not ready.
 */
export function readyToReturnMark(
    lead: Lead,
    settings: LeadLoopSettings,
    now: Date,
    nurtureQueueId?: Id | null
): string | null {
    const readiness = readyToReturn(lead, settings, now, nurtureQueueId);
    if (!readiness.ready) return null;
    return readiness.triggers
        .map((t) =>
            t === 'nurtureDatePassed'
                ? `Nurture date ${lead.nurtureUntil} passed`
                : 'Scores Hot again'
        )
        .join('; ');
}

/**
 * The change that keeps LL_Ready_To_Return__c true for `lead` (with its tier as just
 * scored), or null when the stored value is already right: written only when it changes.
 */
export function readyToReturnChange(
    lead: Lead,
    settings: LeadLoopSettings,
    now: Date,
    nurtureQueueId?: Id | null
): { id: Id; readyToReturn: string | null } | null {
    const mark = readyToReturnMark(lead, settings, now, nurtureQueueId);
    return (lead.readyToReturn || null) === mark ? null : { id: lead.id, readyToReturn: mark };
}

/**
 * What a rescore writes to one lead (the CLI's `score` and the score card's "Rescore now"
 * alike): the score fields that change, and the ready-to-return mark when it changes with
 * the tier just computed. `change` is null when nothing changes.
 */
export function rescoreChange(
    lead: Lead,
    scored: ScoreResult,
    modelVersion: number,
    now: Date,
    handback: { settings: LeadLoopSettings; nurtureQueueId?: Id | null }
): { change: Partial<Lead> | null; readyChanged: boolean } {
    const ready = readyToReturnChange(
        { ...lead, tier: scored.tier },
        handback.settings,
        now,
        handback.nurtureQueueId
    );
    const scoreChange = scoreFieldChanges(lead, scored, modelVersion, now);
    return {
        change: scoreChange || ready ? { ...scoreChange, ...ready, id: lead.id } : null,
        readyChanged: ready !== null
    };
}
