/**
 * What Lead Loop reads of each object, per purpose: the one definition behind the CLI's
 * SOQL, the components' GraphQL queries and the scoring model editor's field choices.
 * `test/readLists.test.ts` parses every component query and fails when its fields differ
 * from these lists, so a field added here (or offered by the editor) cannot be read in
 * one place and missed in another.
 *
 * Lists hold API names; a parent field is `Relationship.Field` (`Campaign.Name`), as SOQL
 * writes it. Lead fields are listed as domain keys first (see `LEAD_FIELDS`), so the
 * names cannot drift from the mapping that turns records into leads. The CLI joins a list
 * into a SOQL field list; components put `graphqlSelection(list)` into their queries.
 *
 * To add a capability's reads (hygiene, the board, metrics): add its keys next to the
 * scoring ones, export a `<PURPOSE>_READS` object like `SCORING_READS`, and register the
 * component queries that use it in `test/readLists.test.ts`.
 */
import {
    AUDIT_RUN,
    LEAD_FIELDS,
    REPORT_LINK,
    REVIEW_ENTRY,
    REVIEW_MEETING,
    SCORE_FIELD_KEYS,
    SCORING_MODEL,
    SETTINGS
} from './schema';
import type { Lead } from './types';

/** An object's API name → the API names read from it. */
export type ObjectReads = Readonly<Record<string, readonly string[]>>;

/**
 * Lead fields that fit rules may read: the fields the editor offers for completeness and
 * every scoring read carries.
 */
export const FIT_FIELDS = [
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
    'leadSource'
] as const satisfies readonly (keyof Lead)[];
export type FitField = (typeof FIT_FIELDS)[number];

/** Lead fields (domain keys) the scorer needs to score a lead. */
export const SCORING_INPUT_LEAD_KEYS = [
    'id',
    ...FIT_FIELDS,
    'createdDate'
] as const satisfies readonly (keyof Lead)[];

/**
 * Lead fields (domain keys) that say whether a nurtured lead is ready to return to sales
 * (`readyToReturnChange`), with the tier the rescore computes.
 */
export const READY_TO_RETURN_LEAD_KEYS = [
    'status',
    'ownerId',
    'nurtureUntil',
    'readyToReturn'
] as const satisfies readonly (keyof Lead)[];

/**
 * Lead fields (domain keys) a rescore reads: what the scorer uses, the stored results, and
 * what marks a nurtured lead ready to return.
 */
export const SCORING_LEAD_KEYS = [
    ...SCORING_INPUT_LEAD_KEYS,
    ...SCORE_FIELD_KEYS,
    ...READY_TO_RETURN_LEAD_KEYS
] as const satisfies readonly (keyof Lead)[];

/** Lead fields (domain keys) a preview reads: the scorer's inputs and the stored tier. */
export const PREVIEW_LEAD_KEYS = [
    ...SCORING_INPUT_LEAD_KEYS,
    'tier'
] as const satisfies readonly (keyof Lead)[];

/** API names for a list of domain keys, e.g. to build a field list. */
export function leadApiNames(keys: readonly (keyof Lead)[]): string[] {
    return keys.map((key) => LEAD_FIELDS[key]);
}

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

/** Every field of a scoring model version (the editor and the score card read them all). */
export const SCORING_MODEL_FIELDS: readonly string[] = Object.values(SCORING_MODEL.fields);

/** Scoring model versions, read by the editor and to find the active model. */
export const SCORING_MODEL_READS: ObjectReads = {
    [SCORING_MODEL.objectApiName]: SCORING_MODEL_FIELDS
};

/** Handing a lead back (the quick action): the active settings and the queues by name. */
export const HANDBACK_READS: ObjectReads = {
    [SETTINGS.objectApiName]: [
        'Id',
        SETTINGS.fields.nurtureQueue,
        SETTINGS.fields.nurturingStatus,
        SETTINGS.fields.nurtureDays
    ],
    Group: ['Id', 'DeveloperName']
};

/**
 * Rescoring leads (the CLI's `score`, the score card's "Rescore now"), with the settings
 * and queues that say whether a lead is in nurture, for its ready-to-return mark.
 */
export const SCORING_READS: ObjectReads = {
    Lead: leadApiNames(SCORING_LEAD_KEYS),
    ...SCORING_ACTIVITY_FIELDS,
    ...SCORING_MODEL_READS,
    ...HANDBACK_READS
};

/** Previewing a model over current leads (the editor's preview). */
export const PREVIEW_READS: ObjectReads = {
    Lead: leadApiNames(PREVIEW_LEAD_KEYS),
    ...SCORING_ACTIVITY_FIELDS
};

/** Lead fields (domain keys) hand-back and undo read. */
export const HANDBACK_LEAD_KEYS = [
    'id',
    'firstName',
    'lastName',
    'company',
    'status',
    'isConverted',
    'convertedDate',
    'ownerId',
    'lastModifiedDate',
    'systemModstamp',
    'tier',
    'handbackReason',
    'handbackNotes',
    'nurtureUntil',
    'previousOwnerId',
    'previousStatus',
    'handedBackAt',
    'handbackCount',
    'recycledCount',
    'returnedAt'
] as const satisfies readonly (keyof Lead)[];

/** Lead fields (domain keys) the nurture queue reads: hand-back's, the score and the ready mark. */
export const NURTURE_QUEUE_LEAD_KEYS = [
    ...HANDBACK_LEAD_KEYS,
    'score',
    'readyToReturn'
] as const satisfies readonly (keyof Lead)[];

/**
 * The nurture queue (the app page, `leadloop handback list/return`): nurtured leads, the
 * settings and queues a return needs, and the users a lead can go back to.
 */
export const NURTURE_QUEUE_READS: ObjectReads = {
    Lead: leadApiNames(NURTURE_QUEUE_LEAD_KEYS),
    [SETTINGS.objectApiName]: [
        ...HANDBACK_READS[SETTINGS.objectApiName],
        SETTINGS.fields.openStatuses,
        SETTINGS.fields.returnRule,
        SETTINGS.fields.returnQueue,
        SETTINGS.fields.roundRobinCap
    ],
    Group: [...HANDBACK_READS.Group, 'Name'],
    User: ['Id', 'Name', 'IsActive']
};

/** Lead fields (domain keys) the hygiene audit reads, and what its fixes compare and change. */
export const HYGIENE_LEAD_KEYS = [
    'id',
    'firstName',
    'lastName',
    'company',
    'email',
    'phone',
    'country',
    'status',
    'isConverted',
    'ownerId',
    'createdDate',
    'lastModifiedDate',
    'lastActivityDate',
    'score',
    'tier',
    'salesReady',
    'nurtureUntil',
    'handedBackAt',
    // Sales had it before handing it back: handed to sales, for the run's defect rate.
    'previousOwnerId',
    'statusChangedAt',
    'duplicateOfId',
    'movedOnContactId',
    'movedOnOpportunityId'
] as const satisfies readonly (keyof Lead)[];

/**
 * The hygiene audit (the audit page, the Lead record panel, `leadloop audit`): leads, their
 * owners and queues (Group: queues only), contacts, accounts, opportunities and activities.
 */
export const HYGIENE_READS = {
    Lead: leadApiNames(HYGIENE_LEAD_KEYS),
    User: ['Id', 'Name', 'IsActive'],
    Group: ['Id', 'Name', 'DeveloperName', 'Type'],
    Contact: ['Id', 'FirstName', 'LastName', 'Email', 'AccountId', 'Account.Name', 'CreatedDate'],
    Account: ['Id', 'Name', 'Website'],
    Opportunity: ['Id', 'Name', 'AccountId', 'StageName', 'IsClosed', 'IsWon', 'CreatedDate'],
    /** What scoring reads, plus whether a task is done and its outcome. */
    Task: [...SCORING_ACTIVITY_FIELDS.Task, 'IsClosed', 'Description'],
    Event: [...SCORING_ACTIVITY_FIELDS.Event, 'Description']
} as const satisfies ObjectReads;

/** The audit page: what the audit reads and the active settings that hold its thresholds. */
export const HYGIENE_PAGE_READS: ObjectReads = {
    ...HYGIENE_READS,
    [SETTINGS.objectApiName]: Object.values(SETTINGS.fields)
};

const pick = (reads: ObjectReads, objects: readonly string[]): ObjectReads =>
    Object.fromEntries(objects.map((object) => [object, reads[object]]));

/**
 * The Lead record page's findings, read in two queries: the lead with its activities, the
 * queues and the settings; then its owner and the records it may duplicate or have moved
 * on to (by email, company, phone).
 */
export const HYGIENE_LEAD_READS: ObjectReads = pick(HYGIENE_PAGE_READS, [
    'Lead',
    'Task',
    'Event',
    'Group',
    SETTINGS.objectApiName
]);
export const HYGIENE_LEAD_RELATED_READS: ObjectReads = pick(HYGIENE_PAGE_READS, [
    'User',
    'Lead',
    'Contact',
    'Account',
    'Opportunity'
]);
/**
 * Lead fields (domain keys) a board card shows and compares with the last review, plus
 * what the hygiene checks the board runs read (its flags).
 */
export const BOARD_LEAD_KEYS: readonly (keyof Lead)[] = [
    ...new Set<keyof Lead>([
        ...HYGIENE_LEAD_KEYS,
        'id',
        'firstName',
        'lastName',
        'company',
        'status',
        'isConverted',
        'ownerId',
        'createdDate',
        'lastActivityDate',
        'score',
        'tier',
        'nextStep',
        'nextStepDate',
        'lastReviewed'
    ])
];

/** The reps (and their managers, which make the teams) a board names. */
export const BOARD_USER_FIELDS: readonly string[] = [...HYGIENE_READS.User, 'ManagerId'];

/** Every field of a review meeting and of a review entry. */
export const REVIEW_MEETING_FIELDS: readonly string[] = Object.values(REVIEW_MEETING.fields);
export const REVIEW_ENTRY_FIELDS: readonly string[] = Object.values(REVIEW_ENTRY.fields);

/** The active settings record (statuses, thresholds), read whole. */
export const SETTINGS_READS: ObjectReads = {
    [SETTINGS.objectApiName]: Object.values(SETTINGS.fields)
};

/**
 * The review board (cards, lanes per rep, hygiene flags, what changed since the last
 * review); meeting mode reuses it and adds its meetings (`MEETING_READS`).
 */
export const BOARD_READS: ObjectReads = {
    Lead: leadApiNames(BOARD_LEAD_KEYS),
    User: BOARD_USER_FIELDS,
    Group: HYGIENE_READS.Group,
    [REVIEW_ENTRY.objectApiName]: REVIEW_ENTRY_FIELDS,
    ...SETTINGS_READS
};

/** Meeting mode's own read: the review meetings (entries come with the board). */
export const MEETING_READS: ObjectReads = {
    [REVIEW_MEETING.objectApiName]: REVIEW_MEETING_FIELDS
};

/** The rep's "act now" list, first its leads and the active model... */
export const REP_LEAD_READS: ObjectReads = {
    Lead: leadApiNames([
        ...SCORING_INPUT_LEAD_KEYS,
        'status',
        'isConverted',
        'ownerId',
        'lastActivityDate',
        'nextStep',
        'nextStepDate'
    ]),
    ...SCORING_MODEL_READS,
    ...SETTINGS_READS
};

/** ...then what those leads did (the scorer's engagement inputs). */
export const REP_ACTIVITY_READS: ObjectReads = SCORING_ACTIVITY_FIELDS;

const API_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * The GraphQL (UI API) selection of a record node that reads these fields: `Id` as is,
 * every other field as `Name { value }` (custom fields aliased to their own name, so a
 * result keeps its key, as lwc-recipes does), parents nested (`Campaign { Name { value } }`).
 * Names come from the lists above, never from input; anything else is refused.
 */
export function graphqlSelection(fields: readonly string[]): string {
    const parents = new Map<string, string[]>();
    const parts: string[] = [];
    for (const field of fields) {
        const [name, ...rest] = field.split('.');
        if (!API_NAME.test(name) || rest.some((r) => !API_NAME.test(r))) {
            throw new Error(`Not an API name: "${field}"`);
        }
        if (rest.length) {
            if (!parents.has(name)) {
                parents.set(name, []);
                parts.push(name);
            }
            parents.get(name)!.push(rest.join('.'));
        } else if (name === 'Id') {
            parts.push('Id');
        } else {
            parts.push(`${name.endsWith('__c') ? `${name}: ` : ''}${name} { value }`);
        }
    }
    return parts
        .map((part) =>
            parents.has(part) ? `${part} { ${graphqlSelection(parents.get(part)!)} }` : part
        )
        .join(' ');
}

/** A connection's records with these fields: `edges { node { … } }` (for paged GraphQL reads). */
export function graphqlEdges(fields: readonly string[]): string {
    return `edges { node { ${graphqlSelection(fields)} } }`;
}

/**
 * The funnel page and summary, in one request: the active settings (status mapping,
 * dead-lead days), the stored report links (DeveloperName → report Id) and the latest
 * audit run's figures (speed to first touch, process defects).
 */
export const FUNNEL_READS: ObjectReads = {
    [SETTINGS.objectApiName]: ['Id', ...Object.values(SETTINGS.fields)],
    [REPORT_LINK.objectApiName]: [
        REPORT_LINK.fields.id,
        REPORT_LINK.fields.developerName,
        REPORT_LINK.fields.reportId
    ],
    [AUDIT_RUN.objectApiName]: [
        AUDIT_RUN.fields.id,
        AUDIT_RUN.fields.ranAt,
        AUDIT_RUN.fields.source,
        AUDIT_RUN.fields.handedToSales,
        AUDIT_RUN.fields.defectiveLeads,
        AUDIT_RUN.fields.firstTouchLeads,
        AUDIT_RUN.fields.firstTouchMedianHours,
        AUDIT_RUN.fields.firstTouchP90Hours
    ]
};
