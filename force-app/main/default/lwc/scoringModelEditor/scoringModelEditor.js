import { LightningElement, wire } from 'lwc';
import { graphql, refreshGraphQL } from 'lightning/graphql';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import {
    DEFAULT_SCORING_MODEL,
    SCORING_MODEL,
    newModelVersionRecord,
    parseScoringModelRecord,
    planActivation,
    validateScoringModel,
    withValueAt
} from 'c/leadLoopCore';
import { GENERAL_SECTION, MODEL_SECTIONS } from './sections';
import { VERSIONS_QUERY } from './versionsQuery';

function clone(value) {
    return JSON.parse(JSON.stringify(value));
}

function edgesOf(connection) {
    return (connection?.edges ?? []).map((edge) => edge.node).filter(Boolean);
}

/**
 * App page for admins: the scoring model versions (c-scoring-model-version-list), a form
 * to edit criteria and points (c-scoring-rule-section per part, c-scoring-matrix) with
 * validation by rule (c-scoring-validation-summary), a preview over current leads
 * (c-scoring-model-preview), saving a new draft version and activating a version (the
 * previous Active one is retired). This container owns the draft and the writes; the
 * children show it and send every edit up as a `modelchange` event.
 */
export default class ScoringModelEditor extends LightningElement {
    versionsResult;
    versionRecords = [];
    versionErrors;
    versionsLoaded = false;

    selectedId = null;
    draft = clone(DEFAULT_SCORING_MODEL);
    description = '';
    dirty = false;
    busy = false;
    actionErrors;

    generalSection = GENERAL_SECTION;
    sections = MODEL_SECTIONS;

    // ---- versions --------------------------------------------------------

    @wire(graphql, { query: VERSIONS_QUERY })
    wiredVersions(result) {
        this.versionsResult = result;
        if (result.errors) {
            this.versionErrors = result.errors;
            return;
        }
        if (!result.data) {
            return;
        }
        this.versionErrors = undefined;
        this.versionRecords = edgesOf(result.data.uiapi?.query?.LL_Scoring_Model__c).map((r) =>
            parseScoringModelRecord(r)
        );
        const firstLoad = !this.versionsLoaded;
        this.versionsLoaded = true;
        const stillThere = this.versionRecords.some((v) => v.id === this.selectedId);
        if ((firstLoad || !stillThere) && !this.dirty) {
            const active = this.versionRecords.find((v) => v.status === 'Active');
            const pick = active ?? this.versionRecords[0];
            if (pick) {
                this.openVersion(pick.id);
            }
        }
    }

    get selectedVersion() {
        return this.versionRecords.find((v) => v.id === this.selectedId) ?? null;
    }

    get editingTitle() {
        const v = this.selectedVersion;
        if (!v) {
            return 'New model (not saved)';
        }
        return `Version ${v.version} · ${v.status ?? 'Unknown status'}${this.dirty ? ' · edited, not saved' : ''}`;
    }

    openVersion(id) {
        const v = this.versionRecords.find((r) => r.id === id);
        if (!v) {
            return;
        }
        let definition = v.model;
        if (!definition) {
            try {
                definition = JSON.parse(v.definition);
            } catch {
                definition = clone(DEFAULT_SCORING_MODEL);
            }
        }
        this.selectedId = v.id;
        this.draft = clone(definition);
        this.description = v.description ?? '';
        this.dirty = false;
        this.actionErrors = undefined;
    }

    handleOpen(event) {
        this.openVersion(event.detail.id);
    }

    handleActivate(event) {
        this.activate(event.detail.id);
    }

    handleStartFromDefault() {
        this.selectedId = null;
        this.draft = clone(DEFAULT_SCORING_MODEL);
        this.description = '';
        this.dirty = true;
    }

    // ---- editing -----------------------------------------------------------

    get validation() {
        return validateScoringModel(this.draft);
    }

    get validationErrors() {
        return this.validation.errors;
    }

    /** What the preview scores with: the model when valid, otherwise nothing. */
    get validModel() {
        return this.validation.model ?? null;
    }

    get modelName() {
        return this.draft.name;
    }

    handleModelChange(event) {
        const { path, value } = event.detail;
        this.draft = withValueAt(this.draft, path, value);
        this.dirty = true;
    }

    handleNameChange(event) {
        this.handleModelChange({
            detail: { path: 'name', value: event.detail?.value ?? event.target.value }
        });
    }

    handleDescriptionChange(event) {
        this.description = event.detail?.value ?? event.target.value;
        this.dirty = true;
    }

    // ---- save and activate ------------------------------------------------

    get saveDisabled() {
        return this.busy || !this.validation.ok || !this.versionsLoaded;
    }

    get activateDisabled() {
        const v = this.selectedVersion;
        return !(v && v.status !== 'Active' && v.model && !this.dirty && !this.busy);
    }

    async handleSave() {
        const { model } = this.validation;
        if (!model) {
            return;
        }
        this.busy = true;
        this.actionErrors = undefined;
        try {
            const fields = newModelVersionRecord(model, this.versionRecords, this.description);
            const created = await createRecord({ apiName: SCORING_MODEL.objectApiName, fields });
            this.selectedId = created?.id ?? null;
            this.dirty = false;
            this.toast(
                'Draft saved',
                `Saved as version ${fields[SCORING_MODEL.fields.version]} (Draft).`,
                'success'
            );
            await refreshGraphQL(this.versionsResult);
        } catch (error) {
            this.actionErrors = error;
        } finally {
            this.busy = false;
        }
    }

    handleActivateSelected() {
        if (this.selectedId) {
            this.activate(this.selectedId);
        }
    }

    async activate(id) {
        const plan = planActivation(this.versionRecords, id, new Date());
        if (!plan.ok) {
            this.actionErrors = plan.errors;
            return;
        }
        this.busy = true;
        this.actionErrors = undefined;
        try {
            // The new version first, then retire the old ones: scoring always finds an Active model.
            for (const fields of plan.updates) {
                // eslint-disable-next-line no-await-in-loop
                await updateRecord({ fields });
            }
            const v = this.versionRecords.find((r) => r.id === id);
            this.toast(
                'Model activated',
                `Version ${v?.version} is now Active. Rescore leads to apply it.`,
                'success'
            );
            await refreshGraphQL(this.versionsResult);
        } catch (error) {
            this.actionErrors = error;
        } finally {
            this.busy = false;
        }
    }

    toast(title, message, variant) {
        this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
    }
}
