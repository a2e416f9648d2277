import { FIT_FIELDS } from 'c/leadLoopCore';

/**
 * The parts of the scoring model form, in the order admins see them. Each is rendered by
 * one c-scoring-rule-section: `fields` are single values (kind: number, nullable-number,
 * list, multi; see `formValue` in the core), `rules` a list of rules of one family.
 */

const numberField = (path, label, size, dataId) => ({ path, label, kind: 'number', size, dataId });

/** Decay and weights, shown under "General" with the model's name. */
export const GENERAL_SECTION = {
    key: 'general',
    fields: [
        numberField('engagement.halfLifeDays', 'Half-life (days)', '1-of-4', 'half-life'),
        {
            path: 'engagement.maxAgeDays',
            label: 'Ignore events older than (days)',
            kind: 'nullable-number',
            size: '1-of-4'
        },
        numberField('scoreWeights.fit', 'Score weight: fit', '1-of-4'),
        numberField('scoreWeights.engagement', 'Score weight: engagement', '1-of-4')
    ]
};

const GRADES_SECTION = {
    key: 'grades',
    title: 'Fit grades (minimum fit points)',
    fields: ['A', 'B', 'C'].map((grade) =>
        numberField(
            `grades.${grade}`,
            `Grade ${grade} from`,
            '1-of-3',
            `grade-${grade.toLowerCase()}`
        )
    )
};

const EMAIL_SECTION = {
    key: 'emailCompleteness',
    title: 'Email and completeness',
    fields: [
        numberField('fit.email.businessPoints', 'Business email points', '1-of-3'),
        numberField('fit.email.freeMailPoints', 'Free-mail penalty', '1-of-3'),
        numberField('fit.email.junkPoints', 'Junk email penalty', '1-of-3'),
        {
            path: 'fit.email.freeMailDomains',
            label: 'Free-mail domains (comma-separated)',
            kind: 'list',
            size: '1-of-2'
        },
        {
            path: 'fit.email.junkKeywords',
            label: 'Junk keywords (comma-separated)',
            kind: 'list',
            size: '1-of-2'
        },
        numberField('fit.completeness.pointsPerField', 'Points per filled field', '1-of-3'),
        {
            path: 'fit.completeness.fields',
            label: 'Fields that count for completeness',
            kind: 'multi',
            size: '2-of-3',
            options: FIT_FIELDS.map((f) => ({ label: f, value: f }))
        }
    ]
};

const ruleSection = (key, path, title, help, rules) => ({
    key,
    title,
    help,
    rules: { path, ...rules }
});

const CAMPAIGN_SECTION = {
    key: 'campaigns',
    title: 'Campaigns and caps',
    fields: [
        numberField('engagement.campaign.respondedPoints', 'Campaign response', '1-of-5'),
        numberField('engagement.campaign.memberPoints', 'Campaign member', '1-of-5'),
        numberField('engagement.caps.activity', 'Cap: activities', '1-of-5'),
        numberField('engagement.caps.campaign', 'Cap: campaigns', '1-of-5'),
        numberField('engagement.caps.source', 'Cap: source', '1-of-5')
    ]
};

/** Every section after "General", in order; bands and the matrix follow (c-scoring-matrix). */
export const MODEL_SECTIONS = [
    GRADES_SECTION,
    EMAIL_SECTION,
    ruleSection(
        'title',
        'fit.title',
        'Title and seniority',
        'The first rule whose keyword appears in the title counts.',
        { listField: 'keywords', listLabel: 'Keywords' }
    ),
    ruleSection(
        'industry',
        'fit.industry',
        'Industry',
        'The first rule listing the lead’s industry counts.',
        { listField: 'values', listLabel: 'Industries' }
    ),
    ruleSection(
        'companySize',
        'fit.companySize',
        'Company size (employees)',
        'From min (included) to max (excluded); leave max empty for no limit.',
        { range: true }
    ),
    ruleSection('country', 'fit.country', 'Country', 'Country names or codes.', {
        listField: 'values',
        listLabel: 'Countries'
    }),
    ruleSection(
        'negative',
        'fit.negative',
        'Negative criteria',
        'Every matching rule counts: competitors, students… Points must be 0 or less.',
        { listField: 'keywords', listLabel: 'Keywords or domains', target: true }
    ),
    ruleSection(
        'activities',
        'engagement.activities',
        'Activities',
        'The first rule that matches an activity gives its points, which then decay.',
        { activity: true }
    ),
    ruleSection(
        'leadSource',
        'engagement.leadSource',
        'Lead source',
        'Points for how the lead came in, dated at its creation.',
        { listField: 'values', listLabel: 'Sources' }
    ),
    CAMPAIGN_SECTION
];
