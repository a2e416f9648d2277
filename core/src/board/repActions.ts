/**
 * "My leads to act on now" for a rep: open leads with a reason to act, hottest and most
 * overdue first, each with what would move it up a tier under the active scoring model.
 */
import { daysBetween, isoDate } from '../dates';
import { DEFAULT_SETTINGS } from '../settings';
import type { ScoringModel } from '../scoring/model';
import { scoreLead, type ScoringInput } from '../scoring/score';
import type { Activity, CampaignMember, Id, IsoDate, LeadLoopSettings, Tier } from '../types';
import { personName, overdueDays, tierRank } from './board';

export interface RepAction {
    leadId: Id;
    name: string;
    company: string;
    status: string;
    tier: Tier;
    score: number;
    nextStep: string | null;
    nextStepDate: IsoDate | null;
    overdueDays: number;
    /** Why to act now, most pressing first. */
    reasons: string[];
    /** E.g. "A completed demo or meeting would make this lead Hot"; null at the top tier. */
    moveUp: string | null;
}

/** One engagement event the model rewards, as the rep would log it. */
interface Candidate {
    text: string;
    points: number;
    activity?: Activity;
    member?: CampaignMember;
}

function candidates(model: ScoringModel, leadId: Id, day: IsoDate, at: string): Candidate[] {
    const list: Candidate[] = model.engagement.activities.map((rule) => {
        const kind = rule.kind ?? 'Task';
        return {
            text: `A completed ${rule.label.toLowerCase()}`,
            points: rule.points,
            activity: {
                id: `candidate-${rule.id}`,
                kind,
                whoId: leadId,
                ownerId: '',
                subject: rule.subjectKeywords?.[0] ?? '',
                type: rule.types?.[0] ?? null,
                activityDate: day,
                status: kind === 'Task' ? 'Completed' : null,
                createdDate: at
            }
        };
    });
    list.push({
        text: 'A campaign response',
        points: model.engagement.campaign.respondedPoints,
        member: {
            id: 'candidate-campaign',
            campaignId: 'candidate-campaign',
            leadId,
            status: 'Responded',
            hasResponded: true,
            firstRespondedDate: day,
            createdDate: at
        }
    });
    // The smallest event first: that is the one worth telling the rep about.
    return list.filter((c) => c.points > 0).sort((a, b) => a.points - b.points);
}

/**
 * What would move the lead up a tier: the smallest single engagement event today that
 * the scorer (with this model) says lifts the tier, or a sentence saying none does.
 */
export function whatMovesUp(input: ScoringInput, model: ScoringModel, now: Date): string | null {
    const current = scoreLead(input, model, now);
    if (tierRank(current.tier) === 0) {
        return null;
    }
    for (const c of candidates(model, input.lead.id, isoDate(now), now.toISOString())) {
        const next = scoreLead(
            {
                ...input,
                activities: c.activity ? [...input.activities, c.activity] : input.activities,
                campaignMembers: c.member
                    ? [...input.campaignMembers, c.member]
                    : input.campaignMembers
            },
            model,
            now
        );
        if (tierRank(next.tier) < tierRank(current.tier)) {
            return `${c.text} would make this lead ${next.tier}`;
        }
    }
    return `No single activity moves this lead up: fit grade ${current.fitGrade} keeps it ${current.tier}`;
}

function isOpen(status: string, settings: LeadLoopSettings): boolean {
    return !settings.disqualifiedStatuses.includes(status) && status !== settings.nurturingStatus;
}

/**
 * The rep's leads to act on now: open, unconverted leads with an overdue or due-today next
 * step, a sales-ready tier without a next step, or no touch past the follow-up SLA.
 * Ordered by tier (from the model), then the most overdue, then the score.
 */
export function repActions(
    leads: readonly ScoringInput[],
    model: ScoringModel,
    now: Date,
    settings: LeadLoopSettings = DEFAULT_SETTINGS
): RepAction[] {
    const today = isoDate(now);
    const actions: RepAction[] = [];
    for (const input of leads) {
        const lead = input.lead;
        if (lead.isConverted || !isOpen(lead.status, settings)) continue;
        const result = scoreLead(input, model, now);
        const overdue = overdueDays(lead.nextStepDate, now);
        const reasons: string[] = [];
        if (overdue > 0) {
            reasons.push(`Next step overdue by ${overdue} day${overdue === 1 ? '' : 's'}`);
        } else if (lead.nextStepDate === today) {
            reasons.push('Next step due today');
        }
        if (!lead.nextStep && model.salesReadyTiers.includes(result.tier)) {
            reasons.push(`${result.tier} lead with no next step`);
        }
        const untouched = daysBetween(lead.lastActivityDate ?? lead.createdDate, now);
        if (Number.isFinite(untouched) && untouched > settings.followUpSlaDays) {
            reasons.push(
                lead.lastActivityDate
                    ? `Not touched for ${untouched} days`
                    : `Never touched in ${untouched} days`
            );
        }
        if (!reasons.length) continue;
        actions.push({
            leadId: lead.id,
            name: personName(lead),
            company: lead.company ?? '',
            status: lead.status,
            tier: result.tier,
            score: result.score,
            nextStep: lead.nextStep ?? null,
            nextStepDate: lead.nextStepDate ?? null,
            overdueDays: overdue,
            reasons,
            moveUp: whatMovesUp(input, model, now)
        });
    }
    return actions.sort(
        (a, b) =>
            tierRank(a.tier) - tierRank(b.tier) ||
            b.overdueDays - a.overdueDays ||
            b.score - a.score ||
            a.name.localeCompare(b.name)
    );
}
