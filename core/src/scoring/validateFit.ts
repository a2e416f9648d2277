/**
 * Validates the fit criteria of a scoring model (`fit`): title, industry, country, company
 * size, email, completeness and negative rules.
 */
import { FIT_FIELDS } from '../fields';
import { NEGATIVE_TARGETS } from './model';
import {
    type Checker,
    checkPoints,
    checkRanges,
    checkRules,
    join,
    POINTS_LIMIT,
    type RangeToCheck
} from './modelChecker';

/** Checks `fit`; rule ids are added to `ids` (unique across the model). */
export function checkFit(c: Checker, value: unknown, ids: Map<string, string>): void {
    const fit = c.object(value, 'fit', 'Fit criteria', [
        'title',
        'industry',
        'companySize',
        'country',
        'email',
        'completeness',
        'negative'
    ]);
    if (fit) {
        checkRules(
            c,
            fit.title,
            'fit.title',
            'Title rule',
            { required: ['id', 'label', 'keywords', 'points'] },
            (rule, p, name) => {
                c.textList(rule.keywords, join(p, 'keywords'), `${name} keywords`);
                checkPoints(c, rule, p, name);
            },
            ids
        );
        for (const key of ['industry', 'country'] as const) {
            const kind = key === 'industry' ? 'Industry rule' : 'Country rule';
            checkRules(
                c,
                fit[key],
                `fit.${key}`,
                kind,
                { required: ['id', 'label', 'values', 'points'] },
                (rule, p, name) => {
                    c.textList(rule.values, join(p, 'values'), `${name} values`);
                    checkPoints(c, rule, p, name);
                },
                ids
            );
        }
        const sizes: RangeToCheck[] = [];
        checkRules(
            c,
            fit.companySize,
            'fit.companySize',
            'Company size band',
            { required: ['id', 'label', 'min', 'max', 'points'] },
            (rule, p, name) => {
                const min = c.number(rule.min, join(p, 'min'), `${name} min`, 0, 10_000_000, true);
                const max =
                    rule.max === null
                        ? null
                        : c.number(
                              rule.max,
                              join(p, 'max'),
                              `${name} max (null for no limit)`,
                              1,
                              10_000_000,
                              true
                          );
                checkPoints(c, rule, p, name);
                if (min !== null && (max !== null || rule.max === null)) {
                    sizes.push({ min, max, path: p, name });
                }
            },
            ids
        );
        checkRanges(c, sizes, 'fit.companySize', 'Company size bands', false);

        const email = c.object(fit.email, 'fit.email', 'Email criteria', [
            'businessPoints',
            'freeMailDomains',
            'freeMailPoints',
            'junkKeywords',
            'junkPoints'
        ]);
        if (email) {
            c.number(
                email.businessPoints,
                'fit.email.businessPoints',
                'Email rule "business email" points',
                -POINTS_LIMIT,
                POINTS_LIMIT
            );
            c.textList(
                email.freeMailDomains,
                'fit.email.freeMailDomains',
                'Email rule "free-mail domains"',
                true
            );
            c.number(
                email.freeMailPoints,
                'fit.email.freeMailPoints',
                'Email rule "free-mail penalty" points (0 or less)',
                -POINTS_LIMIT,
                0
            );
            c.textList(
                email.junkKeywords,
                'fit.email.junkKeywords',
                'Email rule "junk keywords"',
                true
            );
            c.number(
                email.junkPoints,
                'fit.email.junkPoints',
                'Email rule "junk penalty" points (0 or less)',
                -POINTS_LIMIT,
                0
            );
        }
        const completeness = c.object(fit.completeness, 'fit.completeness', 'Completeness rule', [
            'fields',
            'pointsPerField'
        ]);
        if (completeness) {
            const fields = c.list(
                completeness.fields,
                'fit.completeness.fields',
                'Completeness rule fields'
            );
            fields.forEach((f, i) =>
                c.oneOf(f, `fit.completeness.fields[${i}]`, 'Completeness rule field', FIT_FIELDS)
            );
            c.number(
                completeness.pointsPerField,
                'fit.completeness.pointsPerField',
                'Completeness rule points per field',
                0,
                20
            );
        }
        checkRules(
            c,
            fit.negative,
            'fit.negative',
            'Negative rule',
            { required: ['id', 'label', 'target', 'keywords', 'points'] },
            (rule, p, name) => {
                c.oneOf(rule.target, join(p, 'target'), `${name} target`, NEGATIVE_TARGETS);
                c.textList(rule.keywords, join(p, 'keywords'), `${name} keywords`);
                checkPoints(c, rule, p, `${name} (0 or less)`, 0);
            },
            ids
        );
    }
}
