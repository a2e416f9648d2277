/**
 * Validates a scoring model definition (parsed JSON or anything else) before it can be
 * saved or activated. Every problem is reported with a path (`fit.title[1].points`), the
 * check that failed (`check`) and a message that names the rule, e.g.
 * `Title rule "VP title" (fit.title[0]): points must be a number from -100 to 100, got "abc".`
 */
import { FIT_FIELDS } from '../fields';
import { FIT_GRADES, TIERS, type FitGrade, type Tier } from '../types';
import {
    ENGAGEMENT_BANDS,
    ENGAGEMENT_CATEGORIES,
    NEGATIVE_TARGETS,
    type ScoringModel
} from './model';

export type ModelCheck =
    | 'not-an-object'
    | 'unknown-field'
    | 'missing-field'
    | 'bad-number'
    | 'bad-text'
    | 'bad-list'
    | 'bad-value'
    | 'duplicate-id'
    | 'overlapping-ranges'
    | 'band-gap'
    | 'grade-order'
    | 'impossible-matrix';

export interface ModelError {
    /** Where in the definition, e.g. `bands[1].min` ('' for the whole definition). */
    path: string;
    check: ModelCheck;
    message: string;
}

export interface ModelValidation {
    ok: boolean;
    errors: ModelError[];
    /** The model, when ok. */
    model?: ScoringModel;
}

/** Limits for points and numbers, so a typo (1000 instead of 10) is caught. */
export const POINTS_LIMIT = 100;
export const MAX_HALF_LIFE_DAYS = 3650;

type Obj = Record<string, unknown>;

function describe(value: unknown): string {
    if (value === undefined) {
        return 'nothing';
    }
    if (typeof value === 'string') {
        return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
    }
    try {
        const json = JSON.stringify(value);
        return json === undefined
            ? String(value)
            : json.length > 40
              ? `${json.slice(0, 40)}…`
              : json;
    } catch {
        return String(value);
    }
}

class Checker {
    readonly errors: ModelError[] = [];

    fail(path: string, check: ModelCheck, message: string): void {
        this.errors.push({ path, check, message });
    }

    /** An object with exactly the allowed keys (required ones present). */
    object(
        value: unknown,
        path: string,
        what: string,
        required: readonly string[],
        optional: readonly string[] = []
    ): Obj | null {
        if (!value || typeof value !== 'object' || Array.isArray(value)) {
            this.fail(
                path,
                'not-an-object',
                `${what} (${path || 'definition'}) must be an object, got ${describe(value)}.`
            );
            return null;
        }
        const obj = value as Obj;
        const allowed = new Set([...required, ...optional]);
        for (const key of Object.keys(obj)) {
            if (!allowed.has(key)) {
                this.fail(
                    join(path, key),
                    'unknown-field',
                    `${what} (${path || 'definition'}) has an unknown field "${key}"; allowed: ${[...allowed].join(', ')}.`
                );
            }
        }
        for (const key of required) {
            if (obj[key] === undefined) {
                this.fail(
                    join(path, key),
                    'missing-field',
                    `${what} (${path || 'definition'}) is missing "${key}".`
                );
            }
        }
        return obj;
    }

    number(
        value: unknown,
        path: string,
        what: string,
        min: number,
        max: number,
        integer = false
    ): number | null {
        if (value === undefined) {
            return null; // reported as missing
        }
        if (
            typeof value !== 'number' ||
            !Number.isFinite(value) ||
            value < min ||
            value > max ||
            (integer && !Number.isInteger(value))
        ) {
            this.fail(
                path,
                'bad-number',
                `${what}: must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}, got ${describe(value)}.`
            );
            return null;
        }
        return value;
    }

    text(value: unknown, path: string, what: string): string | null {
        if (value === undefined) {
            return null;
        }
        if (typeof value !== 'string' || !value.trim()) {
            this.fail(path, 'bad-text', `${what}: must be non-empty text, got ${describe(value)}.`);
            return null;
        }
        return value;
    }

    textList(value: unknown, path: string, what: string, allowEmpty = false): string[] | null {
        if (value === undefined) {
            return null;
        }
        if (
            !Array.isArray(value) ||
            (!allowEmpty && value.length === 0) ||
            value.some((v) => typeof v !== 'string' || !v.trim())
        ) {
            this.fail(
                path,
                'bad-list',
                `${what}: must be a ${allowEmpty ? '' : 'non-empty '}list of non-empty texts, got ${describe(value)}.`
            );
            return null;
        }
        return value as string[];
    }

    list(value: unknown, path: string, what: string): unknown[] {
        if (value === undefined) {
            return [];
        }
        if (!Array.isArray(value)) {
            this.fail(
                path,
                'bad-list',
                `${what} (${path}) must be a list, got ${describe(value)}.`
            );
            return [];
        }
        return value;
    }

    oneOf<T extends string>(
        value: unknown,
        path: string,
        what: string,
        allowed: readonly T[]
    ): T | null {
        if (value === undefined) {
            return null;
        }
        if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
            this.fail(
                path,
                'bad-value',
                `${what}: must be one of ${allowed.join(', ')}, got ${describe(value)}.`
            );
            return null;
        }
        return value as T;
    }
}

function join(path: string, key: string | number): string {
    return typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;
}

function ruleName(rule: Obj, kind: string, path: string): string {
    const label = typeof rule.label === 'string' && rule.label.trim() ? ` "${rule.label}"` : '';
    return `${kind}${label} (${path})`;
}

function checkRules(
    c: Checker,
    value: unknown,
    path: string,
    kind: string,
    fields: { required: string[]; optional?: string[] },
    each: (rule: Obj, rulePath: string, name: string) => void,
    ids: Map<string, string>
): void {
    c.list(value, path, `${kind} rules`).forEach((raw, i) => {
        const rulePath = join(path, i);
        const rule = c.object(raw, rulePath, `${kind} rule`, fields.required, fields.optional);
        if (!rule) {
            return;
        }
        const name = ruleName(rule, kind, rulePath);
        const id = c.text(rule.id, join(rulePath, 'id'), `${name} id`);
        if (id) {
            const seen = ids.get(id);
            if (seen) {
                c.fail(
                    join(rulePath, 'id'),
                    'duplicate-id',
                    `${name}: id "${id}" is already used by ${seen}; ids must be unique.`
                );
            } else {
                ids.set(id, rulePath);
            }
        }
        c.text(rule.label, join(rulePath, 'label'), `${name} label`);
        each(rule, rulePath, name);
    });
}

function checkPoints(
    c: Checker,
    rule: Obj,
    rulePath: string,
    name: string,
    max = POINTS_LIMIT,
    min = -POINTS_LIMIT
): void {
    c.number(rule.points, join(rulePath, 'points'), `${name} points`, min, max);
}

/** Ranges [min, max) must not overlap; `bands` must also cover 0 to infinity without gaps. */
function checkRanges(
    c: Checker,
    ranges: { min: number; max: number | null; path: string; name: string }[],
    path: string,
    what: string,
    mustCover: boolean
): void {
    for (const r of ranges) {
        if (r.max !== null && r.max <= r.min) {
            c.fail(
                join(r.path, 'max'),
                'bad-number',
                `${r.name}: max (${r.max}) must be greater than min (${r.min}).`
            );
            return;
        }
    }
    const sorted = [...ranges].sort((a, b) => a.min - b.min);
    for (let i = 1; i < sorted.length; i++) {
        const prev = sorted[i - 1];
        const cur = sorted[i];
        if (prev.max === null || prev.max > cur.min) {
            c.fail(
                cur.path,
                'overlapping-ranges',
                `${what}: ${cur.name} overlaps ${prev.name} (${prev.min} to ${prev.max ?? '∞'} and ${cur.min} to ${cur.max ?? '∞'}).`
            );
        } else if (mustCover && prev.max < cur.min) {
            c.fail(
                cur.path,
                'band-gap',
                `${what}: nothing covers ${prev.max} to ${cur.min} between ${prev.name} and ${cur.name}.`
            );
        }
    }
    if (mustCover && sorted.length) {
        if (sorted[0].min > 0) {
            c.fail(
                path,
                'band-gap',
                `${what}: nothing covers 0 to ${sorted[0].min}; the lowest band must start at 0.`
            );
        }
        const last = sorted[sorted.length - 1];
        if (last.max !== null) {
            c.fail(
                path,
                'band-gap',
                `${what}: nothing covers ${last.max} and above; the highest band needs max null.`
            );
        }
    }
}

const TIER_RANK: Record<Tier, number> = { Hot: 3, Warm: 2, Cool: 1, Cold: 0 };

/** Validates a definition; returns the typed model when it is valid. Never throws. */
export function validateScoringModel(def: unknown): ModelValidation {
    const c = new Checker();
    const root = c.object(
        def,
        '',
        'The model',
        [
            'name',
            'fit',
            'engagement',
            'grades',
            'bands',
            'matrix',
            'salesReadyTiers',
            'scoreWeights',
            'maxReasons'
        ],
        ['description']
    );
    if (!root) {
        return { ok: false, errors: c.errors };
    }
    c.text(root.name, 'name', 'Model name');
    if (root.description !== undefined && typeof root.description !== 'string') {
        c.fail(
            'description',
            'bad-text',
            `Model description: must be text, got ${describe(root.description)}.`
        );
    }
    const ids = new Map<string, string>();

    // Fit
    const fit = c.object(root.fit, 'fit', 'Fit criteria', [
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
        const sizes: { min: number; max: number | null; path: string; name: string }[] = [];
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

    // Engagement
    const eng = c.object(root.engagement, 'engagement', 'Engagement criteria', [
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

    // Grades
    const grades = c.object(root.grades, 'grades', 'Grade thresholds', ['A', 'B', 'C']);
    if (grades) {
        const a = c.number(grades.A, 'grades.A', 'Grade A minimum fit points', -1000, 1000);
        const b = c.number(grades.B, 'grades.B', 'Grade B minimum fit points', -1000, 1000);
        const cc = c.number(grades.C, 'grades.C', 'Grade C minimum fit points', -1000, 1000);
        if (a !== null && b !== null && a <= b) {
            c.fail('grades.B', 'grade-order', `Grade thresholds: B (${b}) must be below A (${a}).`);
        }
        if (b !== null && cc !== null && b <= cc) {
            c.fail(
                'grades.C',
                'grade-order',
                `Grade thresholds: C (${cc}) must be below B (${b}).`
            );
        }
    }

    // Engagement bands
    const bandRanges: { min: number; max: number | null; path: string; name: string }[] = [];
    const seenBands = new Set<string>();
    c.list(root.bands, 'bands', 'Engagement bands').forEach((raw, i) => {
        const p = `bands[${i}]`;
        const band = c.object(raw, p, 'Engagement band', ['band', 'min', 'max']);
        if (!band) {
            return;
        }
        const name = c.oneOf(
            band.band,
            join(p, 'band'),
            `Engagement band (${p}) name`,
            ENGAGEMENT_BANDS
        );
        const label = `band "${name ?? describe(band.band)}"`;
        if (name) {
            if (seenBands.has(name)) {
                c.fail(
                    join(p, 'band'),
                    'duplicate-id',
                    `Engagement bands: ${label} appears twice.`
                );
            }
            seenBands.add(name);
        }
        const min = c.number(band.min, join(p, 'min'), `Engagement ${label} min`, 0, 10_000);
        const max =
            band.max === null
                ? null
                : c.number(
                      band.max,
                      join(p, 'max'),
                      `Engagement ${label} max (null for no limit)`,
                      0,
                      10_000
                  );
        if (min !== null && (max !== null || band.max === null)) {
            bandRanges.push({ min, max, path: p, name: label });
        }
    });
    if (Array.isArray(root.bands)) {
        for (const b of ENGAGEMENT_BANDS) {
            if (!seenBands.has(b) && root.bands.length) {
                c.fail(
                    'bands',
                    'missing-field',
                    `Engagement bands: band "${b}" is missing; every band ${ENGAGEMENT_BANDS.join(', ')} needs a range.`
                );
            }
        }
        checkRanges(c, bandRanges, 'bands', 'Engagement bands', true);
        // Bands must be ordered: High above Medium above Low above None.
        const minOf = new Map(bandRanges.map((r) => [r.name, r.min]));
        for (let i = 1; i < ENGAGEMENT_BANDS.length; i++) {
            const hi = minOf.get(`band "${ENGAGEMENT_BANDS[i - 1]}"`);
            const lo = minOf.get(`band "${ENGAGEMENT_BANDS[i]}"`);
            if (hi !== undefined && lo !== undefined && hi <= lo) {
                c.fail(
                    'bands',
                    'impossible-matrix',
                    `Engagement bands: "${ENGAGEMENT_BANDS[i - 1]}" must start above "${ENGAGEMENT_BANDS[i]}".`
                );
            }
        }
    }

    // Matrix
    const matrix = c.object(root.matrix, 'matrix', 'Tier matrix', FIT_GRADES);
    if (matrix) {
        for (const g of FIT_GRADES) {
            const row = c.object(
                matrix[g],
                `matrix.${g}`,
                `Tier matrix row ${g}`,
                ENGAGEMENT_BANDS
            );
            if (!row) {
                continue;
            }
            for (const b of ENGAGEMENT_BANDS) {
                c.oneOf(row[b], `matrix.${g}.${b}`, `Tier matrix ${g} × ${b}`, TIERS);
            }
        }
        const tierAt = (g: FitGrade, b: string): Tier | null => {
            const v = (matrix[g] as Obj | undefined)?.[b];
            return typeof v === 'string' && (TIERS as readonly string[]).includes(v)
                ? (v as Tier)
                : null;
        };
        for (let gi = 0; gi < FIT_GRADES.length; gi++) {
            for (let bi = 0; bi < ENGAGEMENT_BANDS.length; bi++) {
                const here = tierAt(FIT_GRADES[gi], ENGAGEMENT_BANDS[bi]);
                const worseGrade =
                    gi + 1 < FIT_GRADES.length
                        ? tierAt(FIT_GRADES[gi + 1], ENGAGEMENT_BANDS[bi])
                        : null;
                const lowerBand =
                    bi + 1 < ENGAGEMENT_BANDS.length
                        ? tierAt(FIT_GRADES[gi], ENGAGEMENT_BANDS[bi + 1])
                        : null;
                if (here && worseGrade && TIER_RANK[worseGrade] > TIER_RANK[here]) {
                    c.fail(
                        `matrix.${FIT_GRADES[gi + 1]}.${ENGAGEMENT_BANDS[bi]}`,
                        'impossible-matrix',
                        `Tier matrix: grade ${FIT_GRADES[gi + 1]} × ${ENGAGEMENT_BANDS[bi]} is ${worseGrade} but the better grade ${FIT_GRADES[gi]} × ${ENGAGEMENT_BANDS[bi]} is only ${here}; a better grade must never give a colder tier.`
                    );
                }
                if (here && lowerBand && TIER_RANK[lowerBand] > TIER_RANK[here]) {
                    c.fail(
                        `matrix.${FIT_GRADES[gi]}.${ENGAGEMENT_BANDS[bi + 1]}`,
                        'impossible-matrix',
                        `Tier matrix: ${FIT_GRADES[gi]} × ${ENGAGEMENT_BANDS[bi + 1]} is ${lowerBand} but the higher band ${FIT_GRADES[gi]} × ${ENGAGEMENT_BANDS[bi]} is only ${here}; more engagement must never give a colder tier.`
                    );
                }
            }
        }
    }

    // Sales-ready tiers
    const ready = c.list(root.salesReadyTiers, 'salesReadyTiers', 'Sales-ready tiers');
    ready.forEach((t, i) => c.oneOf(t, `salesReadyTiers[${i}]`, 'Sales-ready tier', TIERS));
    if (matrix && ready.length) {
        const reachable = new Set(
            FIT_GRADES.flatMap((g) =>
                ENGAGEMENT_BANDS.map((b) => (matrix[g] as Obj | undefined)?.[b])
            )
        );
        if (!ready.some((t) => reachable.has(t))) {
            c.fail(
                'salesReadyTiers',
                'impossible-matrix',
                `Sales-ready tiers: no cell of the tier matrix gives ${ready.map(String).join(' or ')}, so no lead could ever be sales-ready.`
            );
        }
    }

    const weights = c.object(root.scoreWeights, 'scoreWeights', 'Score weights', [
        'fit',
        'engagement'
    ]);
    if (weights) {
        const wf = c.number(weights.fit, 'scoreWeights.fit', 'Score weight "fit"', 0, 100);
        const we = c.number(
            weights.engagement,
            'scoreWeights.engagement',
            'Score weight "engagement"',
            0,
            100
        );
        if (wf === 0 && we === 0) {
            c.fail(
                'scoreWeights',
                'bad-number',
                'Score weights: fit and engagement cannot both be 0.'
            );
        }
    }
    c.number(root.maxReasons, 'maxReasons', 'Number of reasons kept', 1, 20, true);

    return c.errors.length
        ? { ok: false, errors: c.errors }
        : { ok: true, errors: [], model: root as unknown as ScoringModel };
}

/** Parses a JSON definition and validates it; a JSON syntax error is one error at ''. */
export function validateScoringModelJson(json: unknown): ModelValidation {
    if (typeof json !== 'string' || !json.trim()) {
        return {
            ok: false,
            errors: [
                { path: '', check: 'not-an-object', message: 'The model definition is empty.' }
            ]
        };
    }
    let parsed: unknown;
    try {
        parsed = JSON.parse(json);
    } catch (error) {
        return {
            ok: false,
            errors: [
                {
                    path: '',
                    check: 'not-an-object',
                    message: `The model definition is not valid JSON: ${error instanceof Error ? error.message : String(error)}.`
                }
            ]
        };
    }
    return validateScoringModel(parsed);
}
