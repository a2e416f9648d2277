/**
 * The demo data set (cli/src/seed/generate.ts, read only) as an audit snapshot: record keys
 * become ids (refs resolve to the referenced key), the leads are scored with the default
 * model on the same clock (as `seedOrg` does after loading), and each record goes through
 * the same `…FromRecord` converters the CLI and the page use.
 */
import {
    accountFromRecord,
    campaignMemberFromRecord,
    contactFromRecord,
    DEFAULT_SCORING_MODEL,
    hygieneActivityFromRecord,
    leadFromRecord,
    opportunityFromRecord,
    queueFromRecord,
    scoreLead,
    userFromRecord,
    type CampaignMember,
    type HygieneActivity,
    type HygieneSnapshot
} from '../../src/index';
import type { DemoData, SeedRecord } from '../../../cli/src/seed/types';

function step(data: DemoData, object: string): SeedRecord[] {
    return data.steps.find((s) => s.object === object)?.records ?? [];
}

/** A seed record as the org returns it: Id = its key, reference fields = the referenced keys. */
function asRecord(r: SeedRecord): Record<string, unknown> {
    return { ...r.fields, ...r.refs, Id: r.key };
}

export function demoSnapshot(data: DemoData): HygieneSnapshot {
    const now = new Date(data.now);
    const accountNames = new Map(step(data, 'Account').map((r) => [r.key, r.fields.Name]));
    const tasks = step(data, 'Task').map((r) => hygieneActivityFromRecord(asRecord(r), 'Task'));
    const events = step(data, 'Event').map((r) => hygieneActivityFromRecord(asRecord(r), 'Event'));
    const activities = new Map<string, HygieneActivity[]>();
    for (const a of [...tasks, ...events]) {
        activities.set(a.whoId!, [...(activities.get(a.whoId!) ?? []), a]);
    }
    const members = new Map<string, CampaignMember[]>();
    for (const r of step(data, 'CampaignMember')) {
        const m = campaignMemberFromRecord(asRecord(r));
        members.set(m.leadId!, [...(members.get(m.leadId!) ?? []), m]);
    }
    const leads = step(data, 'Lead').map((r) => {
        const lead = leadFromRecord({ ...asRecord(r), IsConverted: false });
        const score = scoreLead(
            {
                lead,
                activities: activities.get(r.key) ?? [],
                campaignMembers: members.get(r.key) ?? []
            },
            DEFAULT_SCORING_MODEL,
            now
        );
        return {
            ...lead,
            score: score.score,
            tier: score.tier,
            salesReady: score.salesReady,
            scoredAt: data.now
        };
    });
    return {
        leads,
        users: step(data, 'User').map((r) =>
            userFromRecord({ ...asRecord(r), Name: `${r.fields.FirstName} ${r.fields.LastName}` })
        ),
        queues: step(data, 'Group').map((r) => queueFromRecord(asRecord(r))),
        contacts: step(data, 'Contact').map((r) =>
            contactFromRecord({
                ...asRecord(r),
                Account: { Name: accountNames.get(r.refs?.AccountId ?? '') }
            })
        ),
        accounts: step(data, 'Account').map((r) => accountFromRecord(asRecord(r))),
        opportunities: step(data, 'Opportunity').map((r) => opportunityFromRecord(asRecord(r))),
        tasks,
        events
    };
}
