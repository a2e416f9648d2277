import { LightningElement, api } from 'lwc';
import { ENGAGEMENT_BANDS, FIT_GRADES, TIERS, errorsUnder, formValue } from 'c/leadLoopCore';

const TIER_OPTIONS = TIERS.map((t) => ({ label: t, value: t }));

/**
 * Engagement bands, the tier matrix (fit grade × engagement band) and the sales-ready
 * tiers of the scoring model form. Edits go up as `modelchange` events `{ path, value }`.
 */
export default class ScoringMatrix extends LightningElement {
    /** The model being edited (the draft definition, valid or not). */
    @api model;
    /** Validation errors of the whole model: bands, matrix and sales-ready tiers show here. */
    @api errors;

    tierOptions = TIER_OPTIONS;

    get bandRows() {
        const bands = Array.isArray(this.model?.bands) ? this.model.bands : [];
        return bands.map((b, index) => {
            const name = b?.band ?? 'Band';
            return {
                key: `band-${index}`,
                inputs: [
                    { label: `${name} from`, value: b?.min, kind: 'number', end: 'min' },
                    {
                        label: `${name} below (empty: no limit)`,
                        value: b?.max,
                        kind: 'nullable-number',
                        end: 'max'
                    }
                ].map(({ end, ...input }) => ({ ...input, path: `bands.${index}.${end}` })),
                error: errorsUnder(this.errors, `bands[${index}]`)
            };
        });
    }

    get bandsError() {
        return (this.errors ?? [])
            .filter((e) => e.path === 'bands')
            .map((e) => e.message)
            .join(' ');
    }

    get bandNames() {
        return ENGAGEMENT_BANDS.map((b) => ({ key: b, label: b }));
    }

    get matrixRows() {
        const matrix = this.model?.matrix ?? {};
        return FIT_GRADES.map((grade) => ({
            grade,
            cells: ENGAGEMENT_BANDS.map((band) => ({
                key: `${grade}-${band}`,
                label: `Grade ${grade}, ${band} engagement`,
                value: matrix[grade]?.[band] ?? null,
                path: `matrix.${grade}.${band}`
            }))
        }));
    }

    get salesReadyTiers() {
        return this.model?.salesReadyTiers ?? [];
    }

    get matrixError() {
        const readyError = errorsUnder(this.errors, 'salesReadyTiers');
        return errorsUnder(this.errors, 'matrix') + (readyError ? ` ${readyError}` : '');
    }

    handleChange(event) {
        const { path, kind } = event.target.dataset;
        const value = formValue(kind, event.detail?.value ?? event.target.value);
        this.dispatchEvent(new CustomEvent('modelchange', { detail: { path, value } }));
    }
}
