/**
 * Validates a scoring model definition (parsed JSON or anything else) before it can be
 * saved or activated. Every problem is reported with a path (`fit.title[1].points`), the
 * check that failed (`check`) and a message that names the rule, e.g.
 * `Title rule "VP title" (fit.title[0]): points must be a number from -100 to 100, got "abc".`
 */
import type { ScoringModel } from './model';
import { Checker, describe, type ModelError } from './modelChecker';
import { checkEngagement } from './validateEngagement';
import { checkFit } from './validateFit';
import { checkBands, checkGrades, checkMatrix, checkSalesReady } from './validateTiering';

export { MAX_HALF_LIFE_DAYS, POINTS_LIMIT, type ModelCheck, type ModelError } from './modelChecker';

export interface ModelValidation {
    ok: boolean;
    errors: ModelError[];
    /** The model, when ok. */
    model?: ScoringModel;
}

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

    checkFit(c, root.fit, ids);
    checkEngagement(c, root.engagement, ids);
    checkGrades(c, root.grades);
    checkBands(c, root.bands);
    const matrix = checkMatrix(c, root.matrix);
    checkSalesReady(c, root.salesReadyTiers, matrix);

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
