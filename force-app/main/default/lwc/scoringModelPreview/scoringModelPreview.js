import { LightningElement, api, wire } from 'lwc';
import { graphql } from 'lightning/graphql';
import {
    TIERS,
    previewScoringModel,
    previewSummary,
    scoringInputsFromRecords
} from 'c/leadLoopCore';
import {
    CURSOR_VARIABLE,
    PREVIEW_LIMIT,
    PREVIEW_OBJECTS,
    PREVIEW_PAGE_SIZE,
    PREVIEW_QUERY
} from './previewQuery';

function edgesOf(connection) {
    return (connection?.edges ?? []).map((edge) => edge.node).filter(Boolean);
}

function emptyByObject(make) {
    return Object.fromEntries(PREVIEW_OBJECTS.map((object) => [object, make()]));
}

/**
 * The tier distribution a model would give current leads, before it is activated. Reads
 * the open leads once, page by page (on request), then scores them again whenever the
 * model changes; with no (valid) model it waits for one.
 */
export default class ScoringModelPreview extends LightningElement {
    _model;
    previewQuery;
    previewVariables;
    running = false;
    errors;
    records;
    seen;
    inputs;
    preview;

    /** The validated model to preview, or null while the model being edited is not valid. */
    @api
    get model() {
        return this._model;
    }
    set model(value) {
        this._model = value;
        this.recompute();
    }

    @wire(graphql, { query: '$previewQuery', variables: '$previewVariables' })
    wiredPreview(result) {
        if (!this.running || !this.previewVariables) {
            return;
        }
        if (result.errors) {
            this.errors = result.errors;
            this.running = false;
            return;
        }
        const query = result.data?.uiapi?.query;
        if (!query) {
            return;
        }
        const next = { ...this.previewVariables };
        let more = false;
        for (const object of PREVIEW_OBJECTS) {
            const connection = query[object];
            for (const node of edgesOf(connection)) {
                if (!this.seen[object].has(node.Id)) {
                    this.seen[object].add(node.Id);
                    this.records[object].push(node);
                }
            }
            const pageInfo = connection?.pageInfo;
            if (pageInfo?.endCursor) {
                next[CURSOR_VARIABLE[object]] = pageInfo.endCursor;
                more =
                    more ||
                    (Boolean(pageInfo.hasNextPage) && this.records[object].length < PREVIEW_LIMIT);
            }
        }
        // fields are reactive on assignment only: hand the template a new object
        this.records = { ...this.records };
        if (more) {
            this.previewVariables = next;
            return;
        }
        this.finish();
    }

    get disabled() {
        return this.running || !this._model;
    }

    get buttonLabel() {
        return this.inputs ? 'Reload preview' : 'Preview over current leads';
    }

    get progress() {
        if (!this.running || !this.records) {
            return '';
        }
        const activities = this.records.Task.length + this.records.Event.length;
        return `Reading leads… ${this.records.Lead.length} leads, ${activities} activities so far.`;
    }

    handlePreview() {
        this.errors = undefined;
        this.inputs = undefined;
        this.preview = undefined;
        this.records = emptyByObject(() => []);
        this.seen = emptyByObject(() => new Set());
        this.running = true;
        this.previewQuery = PREVIEW_QUERY;
        this.previewVariables = {
            ...Object.fromEntries(Object.values(CURSOR_VARIABLE).map((v) => [v, null])),
            pageSize: PREVIEW_PAGE_SIZE,
            upperBound: PREVIEW_LIMIT
        };
    }

    finish() {
        this.inputs = scoringInputsFromRecords(this.records);
        this.running = false;
        this.previewVariables = undefined;
        this.previewQuery = undefined;
        this.recompute();
    }

    recompute() {
        if (!this.inputs) {
            return;
        }
        this.preview = this._model
            ? previewScoringModel(this.inputs, this._model, new Date())
            : undefined;
    }

    get hasPreview() {
        return Boolean(this.preview);
    }

    get stale() {
        return Boolean(this.inputs) && !this.preview;
    }

    get summary() {
        return this.preview ? previewSummary(this.preview) : '';
    }

    get tiers() {
        const p = this.preview;
        if (!p) {
            return [];
        }
        return TIERS.map((tier) => {
            const count = p.byTier[tier];
            const percent = p.total ? Math.round((count / p.total) * 100) : 0;
            return {
                tier,
                count,
                percent: `${percent}%`,
                barStyle: `width: ${percent}%`,
                label: `${tier}: ${count} leads, ${percent}%`
            };
        });
    }

    get changed() {
        const p = this.preview;
        return p
            ? `${p.changedTier} of ${p.total} leads would change tier (${p.unscored} not scored yet).`
            : '';
    }

    get transitions() {
        const p = this.preview;
        if (!p) {
            return [];
        }
        return Object.entries(p.transitions)
            .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
            .slice(0, 8)
            .map(([key, count]) => ({ key, text: `${key}: ${count}` }));
    }
}
