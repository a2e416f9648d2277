/**
 * The one place where Lead Loop's Salesforce API names live. Every object and
 * field the code reads or writes is named here (or imported through
 * `@salesforce/schema` in a component); a workspace test checks each name
 * against the metadata in force-app, so a renamed field fails a test, not a
 * deploy.
 *
 * Every custom object and field carries the `LL_` prefix so the package cannot
 * collide with fields an org already owns (many have a `Lead_Score__c`).
 */
import type { Lead } from './types';

export const PACKAGE_PREFIX = 'LL_';

/** Domain key → Lead API name. Standard fields first, then Lead Loop's own. */
export const LEAD_FIELDS = {
    id: 'Id',
    firstName: 'FirstName',
    lastName: 'LastName',
    company: 'Company',
    title: 'Title',
    email: 'Email',
    phone: 'Phone',
    industry: 'Industry',
    numberOfEmployees: 'NumberOfEmployees',
    annualRevenue: 'AnnualRevenue',
    country: 'Country',
    leadSource: 'LeadSource',
    status: 'Status',
    isConverted: 'IsConverted',
    convertedDate: 'ConvertedDate',
    convertedAccountId: 'ConvertedAccountId',
    convertedContactId: 'ConvertedContactId',
    convertedOpportunityId: 'ConvertedOpportunityId',
    ownerId: 'OwnerId',
    createdDate: 'CreatedDate',
    lastModifiedDate: 'LastModifiedDate',
    systemModstamp: 'SystemModstamp',
    lastActivityDate: 'LastActivityDate',

    score: 'LL_Score__c',
    fitGrade: 'LL_Fit_Grade__c',
    engagement: 'LL_Engagement__c',
    tier: 'LL_Tier__c',
    salesReady: 'LL_Sales_Ready__c',
    scoreReasons: 'LL_Score_Reasons__c',
    scoreSummary: 'LL_Score_Summary__c',
    scoredAt: 'LL_Scored_At__c',
    modelVersion: 'LL_Model_Version__c',
    previousScore: 'LL_Previous_Score__c',
    previousTier: 'LL_Previous_Tier__c',

    handbackReason: 'LL_Handback_Reason__c',
    handbackNotes: 'LL_Handback_Notes__c',
    nurtureUntil: 'LL_Nurture_Until__c',
    previousOwnerId: 'LL_Previous_Owner__c',
    previousStatus: 'LL_Previous_Status__c',
    handedBackAt: 'LL_Handed_Back_At__c',
    handbackCount: 'LL_Handback_Count__c',
    recycledCount: 'LL_Recycled_Count__c',
    returnedAt: 'LL_Returned_At__c',
    readyToReturn: 'LL_Ready_To_Return__c',

    nextStep: 'LL_Next_Step__c',
    nextStepDate: 'LL_Next_Step_Date__c',
    lastReviewed: 'LL_Last_Reviewed__c',
    statusChangedAt: 'LL_Status_Changed_At__c',
    sourceId: 'LL_Source_Id__c',

    duplicateOfId: 'LL_Duplicate_Of__c',
    movedOnContactId: 'LL_Moved_On_Contact__c',
    movedOnOpportunityId: 'LL_Moved_On_Opportunity__c'
} as const satisfies Record<keyof Lead, string>;

/**
 * Lead fields whose values are not text. Bulk API 2.0 CSV carries every value as text;
 * `leadFromRecord` turns these back into numbers and booleans, so a Lead read in bulk
 * equals the same Lead read over REST (no describe call needed). A test checks them
 * against the field types in `force-app`.
 */
export const LEAD_VALUE_TYPES: Partial<Record<keyof Lead, 'number' | 'boolean'>> = {
    numberOfEmployees: 'number',
    annualRevenue: 'number',
    isConverted: 'boolean',
    score: 'number',
    engagement: 'number',
    salesReady: 'boolean',
    modelVersion: 'number',
    previousScore: 'number',
    handbackCount: 'number',
    recycledCount: 'number'
};

/** Lead fields written by the scorer (and only these). */
export const SCORE_FIELD_KEYS = [
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

export const SCORING_MODEL = {
    objectApiName: 'LL_Scoring_Model__c',
    fields: {
        id: 'Id',
        name: 'Name',
        version: 'LL_Version__c',
        status: 'LL_Status__c',
        definition: 'LL_Definition__c',
        activatedAt: 'LL_Activated_At__c',
        description: 'LL_Description__c',
        createdDate: 'CreatedDate'
    }
} as const;

export const REVIEW_MEETING = {
    objectApiName: 'LL_Review_Meeting__c',
    fields: {
        id: 'Id',
        name: 'Name',
        meetingDate: 'LL_Meeting_Date__c',
        facilitatorId: 'LL_Facilitator__c',
        status: 'LL_Status__c',
        leadsInScope: 'LL_Leads_In_Scope__c',
        leadsReviewed: 'LL_Leads_Reviewed__c',
        overdueNextSteps: 'LL_Overdue_Next_Steps__c',
        flagsRaised: 'LL_Flags_Raised__c',
        summary: 'LL_Summary__c',
        teamManagerId: 'LL_Team_Manager__c',
        periodStart: 'LL_Period_Start__c',
        periodEnd: 'LL_Period_End__c',
        currentLeadId: 'LL_Current_Lead__c',
        lastModifiedDate: 'LastModifiedDate'
    }
} as const;

export const REVIEW_ENTRY = {
    objectApiName: 'LL_Review_Entry__c',
    fields: {
        id: 'Id',
        name: 'Name',
        meetingId: 'LL_Meeting__c',
        leadId: 'LL_Lead__c',
        repId: 'LL_Rep__c',
        progress: 'LL_Progress__c',
        nextStep: 'LL_Next_Step__c',
        nextStepDate: 'LL_Next_Step_Date__c',
        statusAtReview: 'LL_Status_At_Review__c',
        flags: 'LL_Flags__c',
        reviewedAt: 'LL_Reviewed_At__c',
        statusAfter: 'LL_Status_After__c',
        tierAtReview: 'LL_Tier_At_Review__c',
        outcome: 'LL_Outcome__c',
        lastModifiedDate: 'LastModifiedDate'
    }
} as const;

export const SETTINGS = {
    objectApiName: 'LL_Settings__c',
    fields: {
        id: 'Id',
        name: 'Name',
        active: 'LL_Active__c',
        followUpSlaDays: 'LL_Follow_Up_SLA_Days__c',
        qualifiedUntouchedDays: 'LL_Qualified_Untouched_Days__c',
        deadAfterDays: 'LL_Dead_After_Days__c',
        hotInMarketingDays: 'LL_Hot_In_Marketing_Days__c',
        matchDuplicateEmail: 'LL_Match_Duplicate_Email__c',
        matchDuplicatePerson: 'LL_Match_Duplicate_Person__c',
        matchDuplicatePhone: 'LL_Match_Duplicate_Phone__c',
        matchDuplicateContact: 'LL_Match_Duplicate_Contact__c',
        nurtureQueue: 'LL_Nurture_Queue__c',
        openStatuses: 'LL_Open_Statuses__c',
        workingStatuses: 'LL_Working_Statuses__c',
        qualifiedStatuses: 'LL_Qualified_Statuses__c',
        nurturingStatus: 'LL_Nurturing_Status__c',
        disqualifiedStatuses: 'LL_Disqualified_Statuses__c',
        salesReadyTiers: 'LL_Sales_Ready_Tiers__c',
        nurtureDays: 'LL_Nurture_Days__c',
        returnRule: 'LL_Return_Rule__c',
        returnQueue: 'LL_Return_Queue__c',
        roundRobinCap: 'LL_Round_Robin_Cap__c',
        closeStatus: 'LL_Close_Status__c'
    }
} as const;

/**
 * External id (on Lead, Account, Contact, Opportunity, Campaign) that seed and
 * sync upsert on, so re-running them never duplicates records.
 */
export const SOURCE_ID_FIELD = 'LL_Source_Id__c';

/** Developer name of the marketing nurture queue shipped with the package. */
export const NURTURE_QUEUE_DEVELOPER_NAME = 'LL_Marketing_Nurture';

/** The Lead quick action that opens the `handBackAction` component. */
export const HAND_BACK_QUICK_ACTION = {
    name: 'Lead.LL_Hand_Back_To_Marketing',
    component: 'handBackAction'
} as const;

/** The package's flow that stamps Lead.LL_Status_Changed_At__c. */
export const STATUS_CHANGED_FLOW = 'LL_Lead_Status_Changed';

/** One field of one lead changed by a hygiene fix (see `core/src/hygiene/fixes`). */
export const FIX_LOG = {
    objectApiName: 'LL_Fix_Log__c',
    fields: {
        id: 'Id',
        name: 'Name',
        runId: 'LL_Run_Id__c',
        checkId: 'LL_Check__c',
        fixKind: 'LL_Fix_Kind__c',
        leadId: 'LL_Lead__c',
        field: 'LL_Field__c',
        oldValue: 'LL_Old_Value__c',
        newValue: 'LL_New_Value__c',
        leadModifiedAt: 'LL_Lead_Modified_At__c',
        appliedAt: 'LL_Applied_At__c',
        appliedById: 'LL_Applied_By__c',
        undoneAt: 'LL_Undone_At__c',
        status: 'LL_Status__c',
        message: 'LL_Message__c'
    }
} as const;

/** Values of LL_Fix_Log__c.LL_Status__c. */
export const FIX_LOG_STATUSES = ['Applied', 'Failed', 'Skipped', 'Undone'] as const;

/** One run of the hygiene audit, kept for findings over time. */
export const AUDIT_RUN = {
    objectApiName: 'LL_Audit_Run__c',
    fields: {
        id: 'Id',
        name: 'Name',
        ranAt: 'LL_Ran_At__c',
        leadsAudited: 'LL_Leads_Audited__c',
        leadsWithFindings: 'LL_Leads_With_Findings__c',
        findings: 'LL_Findings__c',
        critical: 'LL_Critical__c',
        high: 'LL_High__c',
        medium: 'LL_Medium__c',
        low: 'LL_Low__c',
        checks: 'LL_Checks__c',
        countsByCheck: 'LL_Counts_By_Check__c',
        source: 'LL_Source__c',
        /** The figures the funnel page shows from the latest run (README "Tracking and reporting"). */
        handedToSales: 'LL_Handed_To_Sales__c',
        defectiveLeads: 'LL_Defective_Leads__c',
        firstTouchLeads: 'LL_First_Touch_Leads__c',
        firstTouchMedianHours: 'LL_First_Touch_Median_Hours__c',
        firstTouchP90Hours: 'LL_First_Touch_P90_Hours__c'
    }
} as const;

/**
 * Where each linked report lives in this org: its Id by DeveloperName, written by
 * `leadloop link-reports` (REST, where Report is queryable) and read by the funnel page
 * with GraphQL (the UI API serves custom objects; it does not list Report).
 */
export const REPORT_LINK = {
    objectApiName: 'LL_Report_Link__c',
    fields: {
        id: 'Id',
        name: 'Name',
        developerName: 'LL_Report_Developer_Name__c',
        reportId: 'LL_Report_Id__c'
    }
} as const;

export const PERMISSION_SETS = {
    user: 'LL_Lead_Loop_User',
    admin: 'LL_Lead_Loop_Admin'
} as const;

/** Objects the package itself defines (all carry the prefix). */
export const PACKAGE_OBJECTS = [
    SCORING_MODEL.objectApiName,
    REVIEW_MEETING.objectApiName,
    REVIEW_ENTRY.objectApiName,
    SETTINGS.objectApiName,
    FIX_LOG.objectApiName,
    AUDIT_RUN.objectApiName,
    REPORT_LINK.objectApiName
] as const;
