/**
 * What the audit reads, per object, and how records of every shape become the snapshot:
 * flat REST/SOQL records, Bulk API 2.0 CSV rows (every value text, relationships as
 * `Account.Name` columns) and UI API / GraphQL records (`{ value }`, nested `fields`).
 * Shaped like the scoring lists (`SCORING_LEAD_KEYS`, `SCORING_ACTIVITY_FIELDS`).
 */
import { fieldValue, leadFromRecord, type SalesforceRecord } from '../records';
import { HYGIENE_READS } from '../fields';
import { activityFromRecord } from '../scoring/records';
import type { Opportunity } from '../types';
import type {
    HygieneAccount,
    HygieneActivity,
    HygieneContact,
    HygieneQueue,
    HygieneSnapshot,
    HygieneUser
} from './types';

/** Lead fields (domain keys) the audit reads (defined with every read list in `fields.ts`). */
export { HYGIENE_LEAD_KEYS } from '../fields';

/** API names the audit reads from the other objects: `HYGIENE_READS` without the Lead. */
export const HYGIENE_FIELDS = {
    User: HYGIENE_READS.User,
    Group: HYGIENE_READS.Group,
    Contact: HYGIENE_READS.Contact,
    Account: HYGIENE_READS.Account,
    Opportunity: HYGIENE_READS.Opportunity,
    Task: HYGIENE_READS.Task,
    Event: HYGIENE_READS.Event
} as const;

function flat(record: SalesforceRecord): SalesforceRecord {
    const fields = record?.fields;
    if (fields && typeof fields === 'object' && !Array.isArray(fields)) {
        return { Id: record.id, ...(fields as SalesforceRecord) };
    }
    return record ?? {};
}

function str(value: unknown): string | null {
    const v = fieldValue(value);
    return typeof v === 'string' && v !== '' ? v : null;
}

/** A checkbox from REST/GraphQL (boolean) or Bulk CSV ("true"/"false"); null when absent. */
function bool(value: unknown): boolean | null {
    const v = fieldValue(value);
    if (typeof v === 'boolean') return v;
    if (v === 'true') return true;
    if (v === 'false') return false;
    return null;
}

/** `Parent.Field` as a Bulk CSV column, a nested REST object or a GraphQL node. */
function related(record: SalesforceRecord, parent: string, field: string): string | null {
    const column = str(record[`${parent}.${field}`]);
    if (column !== null) return column;
    const node = fieldValue(record[parent]);
    return node && typeof node === 'object' ? str(flat(node as SalesforceRecord)[field]) : null;
}

export function userFromRecord(record: SalesforceRecord): HygieneUser {
    const r = flat(record);
    return { id: str(r.Id) ?? '', name: str(r.Name) ?? '', isActive: bool(r.IsActive) !== false };
}

export function queueFromRecord(record: SalesforceRecord): HygieneQueue {
    const r = flat(record);
    return { id: str(r.Id) ?? '', name: str(r.Name) ?? '', developerName: str(r.DeveloperName) };
}

export function contactFromRecord(record: SalesforceRecord): HygieneContact {
    const r = flat(record);
    return {
        id: str(r.Id) ?? '',
        firstName: str(r.FirstName),
        lastName: str(r.LastName) ?? '',
        email: str(r.Email),
        accountId: str(r.AccountId),
        accountName: related(r, 'Account', 'Name'),
        createdDate: str(r.CreatedDate)
    };
}

export function accountFromRecord(record: SalesforceRecord): HygieneAccount {
    const r = flat(record);
    return { id: str(r.Id) ?? '', name: str(r.Name) ?? '', website: str(r.Website) };
}

/** IsClosed / IsWon when read, else from the stage name ("Closed Won", "Closed Lost"). */
export function opportunityFromRecord(record: SalesforceRecord): Opportunity {
    const r = flat(record);
    const stageName = str(r.StageName) ?? '';
    const closedByStage = /^closed\b/i.test(stageName);
    return {
        id: str(r.Id) ?? '',
        name: str(r.Name) ?? '',
        accountId: str(r.AccountId),
        stageName,
        isClosed: bool(r.IsClosed) ?? closedByStage,
        isWon: bool(r.IsWon) ?? (closedByStage && /\bwon\b/i.test(stageName)),
        createdDate: str(r.CreatedDate) ?? ''
    };
}

/** A Task or Event as the audit reads it: the scoring activity plus outcome and IsClosed. */
export function hygieneActivityFromRecord(
    record: SalesforceRecord,
    kind: 'Task' | 'Event'
): HygieneActivity {
    const r = flat(record);
    return {
        ...activityFromRecord(r, kind),
        description: str(r.Description),
        isClosed: kind === 'Task' ? bool(r.IsClosed) : null,
        startDateTime: kind === 'Event' ? str(r.StartDateTime) : null
    };
}

/** Records of the objects in `HYGIENE_READS`, by object API name, in any shape above. */
export type HygieneRecords = Partial<
    Record<keyof typeof HYGIENE_FIELDS | 'Lead', SalesforceRecord[]>
>;

/** The audit's snapshot from records read by object (GraphQL nodes, REST rows or CSV rows). */
export function hygieneSnapshotFromRecords(records: HygieneRecords): HygieneSnapshot {
    const list = (object: keyof HygieneRecords) => records?.[object] ?? [];
    return {
        leads: list('Lead').map((r) => leadFromRecord(flat(r))),
        users: list('User').map(userFromRecord),
        queues: list('Group').map(queueFromRecord),
        contacts: list('Contact').map(contactFromRecord),
        accounts: list('Account').map(accountFromRecord),
        opportunities: list('Opportunity').map(opportunityFromRecord),
        tasks: list('Task').map((r) => hygieneActivityFromRecord(r, 'Task')),
        events: list('Event').map((r) => hygieneActivityFromRecord(r, 'Event'))
    };
}
