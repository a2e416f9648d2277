/**
 * Turns Task / Event / CampaignMember records (REST, UI API or GraphQL shape) into the
 * scoring inputs, so the components, the CLI and previews read them the same way.
 */
import { fieldValue, type SalesforceRecord } from '../records';
import type { Activity, CampaignMember, Lead } from '../types';

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

/** Lead fields (domain keys) a rescore reads: what the scorer uses plus the stored results. */
export const SCORING_LEAD_KEYS = [
    'id',
    'firstName',
    'lastName',
    'company',
    'title',
    'email',
    'phone',
    'industry',
    'numberOfEmployees',
    'annualRevenue',
    'country',
    'leadSource',
    'createdDate',
    'score',
    'fitGrade',
    'engagement',
    'tier',
    'salesReady',
    'scoreReasons',
    'scoreSummary',
    'scoredAt',
    'modelVersion',
    'previousScore',
    'previousTier'
] as const satisfies readonly (keyof Lead)[];

/** API names a rescore reads from the records that carry engagement. */
export const SCORING_ACTIVITY_FIELDS = {
    Task: ['Id', 'WhoId', 'OwnerId', 'Subject', 'Type', 'Status', 'ActivityDate', 'CreatedDate'],
    Event: [
        'Id',
        'WhoId',
        'OwnerId',
        'Subject',
        'Type',
        'ActivityDate',
        'StartDateTime',
        'CreatedDate'
    ],
    CampaignMember: [
        'Id',
        'LeadId',
        'CampaignId',
        'Status',
        'HasResponded',
        'FirstRespondedDate',
        'CreatedDate',
        'Campaign.Name'
    ]
} as const;
