/**
 * Validates the engagement criteria of a scoring model (`engagement`): decay, activity,
 * campaign and lead source rules, caps per category.
 */
import { ENGAGEMENT_CATEGORIES } from './model';
import {
    type Checker,
    checkPoints,
    checkRules,
    join,
    MAX_HALF_LIFE_DAYS,
    POINTS_LIMIT
} from './modelChecker';

/** Checks `engagement`; rule ids are added to `ids` (unique across the model). */
export function checkEngagement(c: Checker, value: unknown, ids: Map<string, string>): void {
    const eng = c.object(value, 'engagement', 'Engagement criteria', [
        'halfLifeDays',
        'maxAgeDays',
        'activities',
        'campaign',
        'leadSource',
        'caps'
    ]);
    if (eng) {
        c.number(
            eng.halfLifeDays,
            'engagement.halfLifeDays',
            'Engagement half-life (days)',
            1,
            MAX_HALF_LIFE_DAYS
        );
        if (eng.maxAgeDays !== null) {
            c.number(
                eng.maxAgeDays,
                'engagement.maxAgeDays',
                'Engagement max age (days, null for no limit)',
                1,
                MAX_HALF_LIFE_DAYS * 3
            );
        }
        checkRules(
            c,
            eng.activities,
            'engagement.activities',
            'Activity rule',
            { required: ['id', 'label', 'points'], optional: ['kind', 'types', 'subjectKeywords'] },
            (rule, p, name) => {
                c.oneOf(rule.kind, join(p, 'kind'), `${name} kind`, ['Task', 'Event'] as const);
                c.textList(rule.types, join(p, 'types'), `${name} types`, true);
                c.textList(
                    rule.subjectKeywords,
                    join(p, 'subjectKeywords'),
                    `${name} subject keywords`,
                    true
                );
                checkPoints(c, rule, p, name, POINTS_LIMIT, 0);
            },
            ids
        );
        const campaign = c.object(eng.campaign, 'engagement.campaign', 'Campaign rule', [
            'respondedPoints',
            'memberPoints'
        ]);
        if (campaign) {
            c.number(
                campaign.respondedPoints,
                'engagement.campaign.respondedPoints',
                'Campaign rule "responded" points',
                0,
                POINTS_LIMIT
            );
            c.number(
                campaign.memberPoints,
                'engagement.campaign.memberPoints',
                'Campaign rule "member" points',
                0,
                POINTS_LIMIT
            );
        }
        checkRules(
            c,
            eng.leadSource,
            'engagement.leadSource',
            'Lead source rule',
            { required: ['id', 'label', 'values', 'points'] },
            (rule, p, name) => {
                c.textList(rule.values, join(p, 'values'), `${name} values`);
                checkPoints(c, rule, p, name, POINTS_LIMIT, 0);
            },
            ids
        );
        const caps = c.object(
            eng.caps,
            'engagement.caps',
            'Engagement caps',
            ENGAGEMENT_CATEGORIES
        );
        if (caps) {
            for (const cat of ENGAGEMENT_CATEGORIES) {
                c.number(caps[cat], `engagement.caps.${cat}`, `Engagement cap "${cat}"`, 0, 1000);
            }
        }
    }
}
