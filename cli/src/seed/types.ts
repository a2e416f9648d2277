/**
 * The shape of a seedable data set: records per object, in dependency order,
 * with API names. References between records are given by the other record's
 * key (`refs: { OwnerId: 'rep3@leadloop.demo' }`) and resolved to real ids at
 * seed time, so the same data set loads into any org.
 */

/** How a step finds records that already exist in the target org (idempotency). */
export type MatchRule =
    /** The LL_Source_Id__c external id (the record key is its value). */
    | { kind: 'sourceId' }
    /** A unique field such as User.Username or Group.DeveloperName (key = its value). */
    | { kind: 'field'; field: string; where?: Record<string, string | number | boolean> }
    /** Natural key: these fields (after resolving refs) identify a record. */
    | { kind: 'natural'; fields: string[] }
    /** Insert only when the object holds no record at all (the default scoring model). */
    | { kind: 'ifEmpty' };

export interface SeedRecord {
    /** Unique within the data set; other records refer to this record by it. */
    key: string;
    /** Field values by API name (never ids of other records: see refs). */
    fields: Record<string, unknown>;
    /** Field API name → key of the record whose id goes there. */
    refs?: Record<string, string>;
}

export interface SeedStep {
    object: string;
    match: MatchRule;
    records: SeedRecord[];
    /** Create a missing record only (never update one that exists). Default true. */
    createOnly?: boolean;
}

/** The problems of PRODUCT.md that the demo set shows, each a list of lead keys. */
export const DEMO_PROBLEMS = [
    'qualifiedUntouched',
    'fakeQualified',
    'dealMovedOn',
    'ownerLeft',
    'duplicateEmail',
    'duplicatePerson',
    'duplicateOfContact',
    'workedUnqualifiedOpen',
    'deadAfter90',
    'pastFollowUpSla',
    'hotInMarketingQueue',
    'nurtureDatePassed',
    'handedBack'
] as const;
export type DemoProblem = (typeof DEMO_PROBLEMS)[number];

/** The hygiene check that must find each planted problem (null: a healthy state, not a problem). */
export const DEMO_PROBLEM_CHECKS: Record<DemoProblem, string | null> = {
    qualifiedUntouched: 'qualified-not-worked',
    fakeQualified: 'qualified-not-worked',
    dealMovedOn: 'deal-moved-on',
    ownerLeft: 'owner-inactive',
    duplicateEmail: 'duplicate-email',
    duplicatePerson: 'duplicate-person',
    duplicateOfContact: 'duplicate-of-contact',
    workedUnqualifiedOpen: 'worked-unqualified-open',
    deadAfter90: 'dead-no-touch',
    pastFollowUpSla: 'untouched-past-sla',
    hotInMarketingQueue: 'hot-in-marketing-queue',
    nurtureDatePassed: 'nurture-date-passed',
    handedBack: null
};

export interface DemoData {
    seed: number;
    /** The clock the data set was generated for (ISO). */
    now: string;
    steps: SeedStep[];
    /** Lead keys (LL_Source_Id__c) per problem, for tests and the README. */
    problems: Record<DemoProblem, string[]>;
    /** Duplicate Contact pairs (keys of the second Contact of each pair). */
    duplicateContacts: string[];
    /** Keys of the leads planted clean that a planted duplicate copied (they are duplicates too). */
    duplicateOriginals: string[];
    /**
     * Leads converted after seeding (keys). No API inserts a converted lead (IsConverted
     * is not createable; conversion is the SOAP convertLead call): the seed loads them
     * unconverted and the conversion is applied where the target allows it.
     */
    conversions: DemoConversion[];
}

export interface DemoConversion {
    lead: string;
    /** The lead's own opportunity, with the outcome's stage (Closed Won, Closed Lost, open). */
    opportunity: string;
    outcome: 'won' | 'lost' | 'open';
    convertedDate: string;
}
