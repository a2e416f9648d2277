/**
 * Turns Task / Event / CampaignMember records (REST, UI API or GraphQL shape) into the
 * scoring inputs, so the components, the CLI and previews read them the same way.
 */
import { fieldValue, leadFromRecord, type SalesforceRecord } from '../records';
import { groupScoringInputs } from './preview';
import type { ScoringInput } from './score';
import type { Activity, CampaignMember } from '../types';

function flat(record: SalesforceRecord): SalesforceRecord {
    const fields = record.fields;
    if (fields && typeof fields === 'object' && !Array.isArray(fields)) {
        return { Id: record.id, ...(fields as SalesforceRecord) };
    }
    return record;
}

function str(value: unknown): string | null {
    const v = fieldValue(value);
    return typeof v === 'string' && v !== '' ? v : null;
}

/** A Task or Event record as an Activity (the Event's date is its start). */
export function activityFromRecord(record: SalesforceRecord, kind: 'Task' | 'Event'): Activity {
    const r = flat(record ?? {});
    const start = str(r.StartDateTime);
    return {
        id: str(r.Id) ?? '',
        kind,
        whoId: str(r.WhoId),
        ownerId: str(r.OwnerId) ?? '',
        subject: str(r.Subject) ?? '',
        type: str(r.Type),
        activityDate: str(r.ActivityDate) ?? (start ? start.slice(0, 10) : null),
        status: kind === 'Task' ? str(r.Status) : null,
        createdDate: str(r.CreatedDate) ?? ''
    };
}

/** A CampaignMember record; `campaignName` from the `Campaign.Name` relationship if present. */
export function campaignMemberFromRecord(
    record: SalesforceRecord
): CampaignMember & { campaignName: string | null } {
    const r = flat(record ?? {});
    const campaign = fieldValue(r.Campaign) as SalesforceRecord | null | undefined;
    const campaignFields = campaign && typeof campaign === 'object' ? flat(campaign) : {};
    const responded = fieldValue(r.HasResponded);
    return {
        id: str(r.Id) ?? '',
        campaignId: str(r.CampaignId) ?? '',
        leadId: str(r.LeadId),
        status: str(r.Status) ?? '',
        hasResponded: responded === true || responded === 'true',
        firstRespondedDate: str(r.FirstRespondedDate),
        createdDate: str(r.CreatedDate) ?? '',
        campaignName: str(campaignFields.Name)
    };
}

/** Records as read for scoring, by object (any shape `leadFromRecord` and the above accept). */
export interface ScoringRecords {
    Lead: readonly SalesforceRecord[];
    Task: readonly SalesforceRecord[];
    Event: readonly SalesforceRecord[];
    CampaignMember: readonly SalesforceRecord[];
}

/**
 * The scoring inputs (one per lead, in the order given) from records read with
 * `SCORING_READS` / `PREVIEW_READS`: the one step from records to inputs shared by the
 * CLI, the score card and the preview, so a lead scores the same in each.
 */
export function scoringInputsFromRecords(records: ScoringRecords): ScoringInput[] {
    const members = records.CampaignMember.map((r) => campaignMemberFromRecord(r));
    const campaignNames: Record<string, string> = {};
    for (const m of members) {
        if (m.campaignName) {
            campaignNames[m.campaignId] = m.campaignName;
        }
    }
    return groupScoringInputs(
        records.Lead.map((r) => leadFromRecord(r)),
        [
            ...records.Task.map((r) => activityFromRecord(r, 'Task')),
            ...records.Event.map((r) => activityFromRecord(r, 'Event'))
        ],
        members,
        campaignNames
    );
}
