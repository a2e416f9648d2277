/**
 * The scoring model: plain data (stored as JSON in LL_Scoring_Model__c.LL_Definition__c)
 * that admins edit without code. Two dimensions, as marketers know them:
 *
 * - **fit** (who the lead is): points from the title, industry, company size, country,
 *   email domain, completeness and negative criteria; the total (clamped to 0–100)
 *   gives a grade A–D through `grades`.
 * - **engagement** (what the lead did): points per activity, campaign response and lead
 *   source, each decaying with `engagement.halfLifeDays`, summed per category and capped;
 *   the total falls into one of `bands`.
 *
 * `matrix[grade][band]` gives the tier (Hot / Warm / Cool / Cold) and `salesReadyTiers`
 * the sales-ready flag. The score (0–100) blends fit and engagement with `scoreWeights`.
 */
import type { FitField } from '../fields';
import type { FitGrade, Tier } from '../types';

/** Matches when the text contains any keyword as a whole word or phrase (case-insensitive). */
export interface KeywordRule {
    id: string;
    label: string;
    keywords: string[];
    points: number;
}

/** Matches when the value equals one of `values` (case-insensitive, trimmed). */
export interface ValueRule {
    id: string;
    label: string;
    values: string[];
    points: number;
}

/** Matches `min <= n < max` (max null = no upper bound). */
export interface RangeRule {
    id: string;
    label: string;
    min: number;
    max: number | null;
    points: number;
}

/** What a negative criterion looks at: a text field (keywords) or the email domain (values). */
export const NEGATIVE_TARGETS = ['title', 'company', 'email', 'emailDomain'] as const;
export type NegativeTarget = (typeof NEGATIVE_TARGETS)[number];

export interface NegativeRule {
    id: string;
    label: string;
    /** `emailDomain` matches domains exactly (and their subdomains); others match keywords. */
    target: NegativeTarget;
    keywords: string[];
    /** Must be zero or less. */
    points: number;
}

export interface EmailCriteria {
    /** A company (non-free, non-junk) address. */
    businessPoints: number;
    freeMailDomains: string[];
    /** Penalty for a free-mail address (zero or less). */
    freeMailPoints: number;
    /** Keywords that mark a junk address in its local part or domain (test, asdf, example). */
    junkKeywords: string[];
    /** Penalty for a junk or malformed address (zero or less). */
    junkPoints: number;
}

export interface CompletenessCriteria {
    fields: FitField[];
    pointsPerField: number;
}

export interface FitCriteria {
    /** Title and seniority: the first rule that matches counts. */
    title: KeywordRule[];
    /** Industry: first match. */
    industry: ValueRule[];
    /** Company size bands over NumberOfEmployees: first match. */
    companySize: RangeRule[];
    /** Country (name or ISO code): first match. */
    country: ValueRule[];
    email: EmailCriteria;
    completeness: CompletenessCriteria;
    /** Every negative rule that matches counts (competitors, students, ...). */
    negative: NegativeRule[];
}

export const ENGAGEMENT_CATEGORIES = ['activity', 'campaign', 'source'] as const;
export type EngagementCategory = (typeof ENGAGEMENT_CATEGORIES)[number];

/** An activity rule: the first one whose conditions all hold gives the points. */
export interface ActivityRule {
    id: string;
    label: string;
    /** Task or Event; omitted = both. */
    kind?: 'Task' | 'Event';
    /** Task.Type / Event.Type values (case-insensitive); omitted or empty = any. */
    types?: string[];
    /** Keywords in the subject; omitted or empty = any. */
    subjectKeywords?: string[];
    points: number;
}

export interface CampaignCriteria {
    /** Per campaign the lead responded to. */
    respondedPoints: number;
    /** Per campaign the lead is a member of without responding. */
    memberPoints: number;
}

export interface EngagementCriteria {
    /** Days after which an event's points are halved. */
    halfLifeDays: number;
    /** Events older than this many days count nothing (null = no limit). */
    maxAgeDays: number | null;
    activities: ActivityRule[];
    campaign: CampaignCriteria;
    /** The lead source, dated at the lead's creation: first match. */
    leadSource: ValueRule[];
    /** Maximum points per category. */
    caps: Record<EngagementCategory, number>;
}

export const ENGAGEMENT_BANDS = ['High', 'Medium', 'Low', 'None'] as const;
export type EngagementBand = (typeof ENGAGEMENT_BANDS)[number];

/** Engagement `min <= e < max` (max null = no upper bound). */
export interface BandRange {
    band: EngagementBand;
    min: number;
    max: number | null;
}

export interface ScoringModel {
    name: string;
    description?: string;
    fit: FitCriteria;
    engagement: EngagementCriteria;
    /** Minimum fit points for A, B and C; below C is D. Must be A > B > C. */
    grades: { A: number; B: number; C: number };
    bands: BandRange[];
    matrix: Record<FitGrade, Record<EngagementBand, Tier>>;
    salesReadyTiers: Tier[];
    /** The score is (fit × fit weight + engagement × engagement weight) / (sum), each clamped 0–100. */
    scoreWeights: { fit: number; engagement: number };
    /** How many reasons a result keeps (the strongest first). */
    maxReasons: number;
}

/**
 * The model that ships with Lead Loop (version 1, loaded on install). Points are chosen so
 * that an ideal lead reaches about 100 fit points: a senior buyer (up to 25) in a target
 * industry (up to 15) at a mid-size company (up to 15) in a served country (up to 10) with
 * a business email (10) and a complete record (up to 14). Free mail costs 10, junk 30,
 * competitors 50, students 40.
 *
 * Engagement decays with a 30-day half-life: a demo request today is worth 30, a month
 * ago 15. Activities cap at 60, campaign responses at 40, the source at 15.
 */
export const DEFAULT_SCORING_MODEL: ScoringModel = deepFreeze({
    name: 'Lead Loop default',
    description:
        'Fit: seniority, industry, company size, country, email, completeness, competitor/student penalties. Engagement: 30-day half-life.',
    fit: {
        title: [
            {
                id: 'title-vp',
                label: 'VP title',
                keywords: ['vice president', 'vp', 'svp', 'evp', 'head of'],
                points: 20
            },
            {
                id: 'title-exec',
                label: 'Executive title',
                keywords: [
                    'chief',
                    'ceo',
                    'cto',
                    'cfo',
                    'cmo',
                    'coo',
                    'cio',
                    'president',
                    'founder'
                ],
                points: 25
            },
            { id: 'title-director', label: 'Director title', keywords: ['director'], points: 15 },
            {
                id: 'title-manager',
                label: 'Manager title',
                keywords: ['manager', 'lead', 'principal'],
                points: 8
            },
            {
                id: 'title-practitioner',
                label: 'Practitioner title',
                keywords: ['specialist', 'analyst', 'engineer', 'consultant', 'coordinator'],
                points: 3
            }
        ],
        industry: [
            {
                id: 'industry-core',
                label: 'Target industry',
                values: ['Technology', 'Software', 'Financial Services', 'Banking', 'Insurance'],
                points: 15
            },
            {
                id: 'industry-good',
                label: 'Good-fit industry',
                values: [
                    'Healthcare',
                    'Manufacturing',
                    'Telecommunications',
                    'Retail',
                    'Consulting',
                    'Media'
                ],
                points: 8
            }
        ],
        companySize: [
            { id: 'size-1-9', label: 'Company of 1–9', min: 1, max: 10, points: 0 },
            { id: 'size-10-49', label: 'Company of 10–49', min: 10, max: 50, points: 5 },
            { id: 'size-50-999', label: 'Company of 50–999', min: 50, max: 1000, points: 15 },
            {
                id: 'size-1000-9999',
                label: 'Company of 1,000–9,999',
                min: 1000,
                max: 10000,
                points: 12
            },
            { id: 'size-10000', label: 'Company of 10,000+', min: 10000, max: null, points: 8 }
        ],
        country: [
            {
                id: 'country-core',
                label: 'Served country',
                values: [
                    'United States',
                    'USA',
                    'US',
                    'Canada',
                    'CA',
                    'United Kingdom',
                    'UK',
                    'GB',
                    'Germany',
                    'DE',
                    'France',
                    'FR',
                    'Netherlands',
                    'NL',
                    'Australia',
                    'AU'
                ],
                points: 10
            }
        ],
        email: {
            businessPoints: 10,
            freeMailDomains: [
                'gmail.com',
                'googlemail.com',
                'yahoo.com',
                'hotmail.com',
                'outlook.com',
                'live.com',
                'aol.com',
                'icloud.com',
                'me.com',
                'gmx.de',
                'gmx.net',
                'web.de',
                'proton.me',
                'protonmail.com',
                'mail.com',
                'yandex.ru'
            ],
            freeMailPoints: -10,
            junkKeywords: [
                'test',
                'asdf',
                'qwerty',
                'example',
                'noreply',
                'no reply',
                'mailinator',
                'fake',
                'spam'
            ],
            junkPoints: -30
        },
        completeness: {
            fields: [
                'firstName',
                'title',
                'email',
                'phone',
                'industry',
                'numberOfEmployees',
                'country'
            ],
            pointsPerField: 2
        },
        negative: [
            {
                id: 'competitor',
                label: 'Competitor',
                target: 'emailDomain',
                keywords: ['hubspot.com', 'marketo.com', 'pardot.com', 'zoho.com'],
                points: -50
            },
            {
                id: 'student',
                label: 'Student or intern',
                target: 'title',
                keywords: ['student', 'intern', 'trainee', 'apprentice'],
                points: -40
            }
        ]
    },
    engagement: {
        halfLifeDays: 30,
        maxAgeDays: 365,
        activities: [
            {
                id: 'act-demo',
                label: 'Demo or meeting',
                subjectKeywords: ['demo', 'meeting', 'trial'],
                points: 30
            },
            { id: 'act-meeting', label: 'Meeting', kind: 'Event', points: 25 },
            { id: 'act-call', label: 'Call', types: ['Call'], points: 12 },
            { id: 'act-email', label: 'Email', types: ['Email'], points: 6 },
            { id: 'act-other', label: 'Activity', points: 4 }
        ],
        campaign: { respondedPoints: 20, memberPoints: 3 },
        leadSource: [
            {
                id: 'source-inbound',
                label: 'Inbound source',
                values: ['Web', 'Website', 'Partner Referral', 'Employee Referral', 'Referral'],
                points: 10
            },
            {
                id: 'source-event',
                label: 'Event source',
                values: ['Trade Show', 'Webinar', 'Seminar - Partner', 'Seminar - Internal'],
                points: 6
            }
        ],
        caps: { activity: 60, campaign: 40, source: 15 }
    },
    grades: { A: 65, B: 45, C: 25 },
    bands: [
        { band: 'High', min: 40, max: null },
        { band: 'Medium', min: 15, max: 40 },
        { band: 'Low', min: 3, max: 15 },
        { band: 'None', min: 0, max: 3 }
    ],
    matrix: {
        A: { High: 'Hot', Medium: 'Hot', Low: 'Warm', None: 'Warm' },
        B: { High: 'Hot', Medium: 'Warm', Low: 'Cool', None: 'Cool' },
        C: { High: 'Warm', Medium: 'Cool', Low: 'Cool', None: 'Cold' },
        D: { High: 'Cool', Medium: 'Cold', Low: 'Cold', None: 'Cold' }
    },
    salesReadyTiers: ['Hot', 'Warm'],
    scoreWeights: { fit: 50, engagement: 50 },
    maxReasons: 6
});

/**
 * Models are values: scoring caches what it compiles from a model object, so a model must
 * not change once used. The default is frozen; edit a copy (`structuredClone` / JSON).
 */
function deepFreeze<T>(value: T): T {
    if (value && typeof value === 'object' && !Object.isFrozen(value)) {
        Object.freeze(value);
        for (const key of Object.keys(value)) {
            deepFreeze((value as Record<string, unknown>)[key]);
        }
    }
    return value;
}
