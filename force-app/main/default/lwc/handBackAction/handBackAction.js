import { LightningElement, api, wire } from 'lwc';
import { graphql } from 'lightning/graphql';
import { createRecord, getRecord, updateRecord } from 'lightning/uiRecordApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { CloseActionScreenEvent } from 'lightning/actions';
import { HANDBACK_QUERY } from './handBackQuery';
import {
    defaultNurtureUntil,
    graphqlNodes,
    handBackLeadFields,
    handbackReasonLabel,
    handbackReasonOptions,
    isEditConflict,
    isHandbackReason,
    isInNurture,
    leadFromRecord,
    parseSettings,
    planHandBack,
    planUndo,
    reduceErrors,
    validateHandBack
} from 'c/leadLoopCore';

/** Optional: a field hidden from this user is left out, and the core says which. */
const LEAD_FIELDS = handBackLeadFields();

const CONFLICT_MESSAGE =
    'Someone else changed this lead after you opened this action, so nothing was saved. Close it and open it again to see their changes.';

/**
 * Lead quick action "Hand Back to Marketing": reason, notes and nurture-until
 * (defaulted from the reason, editable), validated by c/leadLoopCore as the user
 * types; the write is conditional on the lead not having changed since it was read,
 * then a completed Task keeps the history. A lead already in nurture gets the undo
 * path instead (or the reason undo is not offered).
 */
export default class HandBackAction extends LightningElement {
    @api recordId;

    record;
    recordError;
    config;
    configError;
    reason = '';
    notes = '';
    nurtureUntil = '';
    /** The user picked the date themselves: a new reason no longer moves it. */
    dateEdited = false;
    touched = new Set();
    submitted = false;
    saving = false;
    saveErrors = [];

    @wire(getRecord, { recordId: '$recordId', optionalFields: LEAD_FIELDS })
    wiredLead({ data, error }) {
        this.record = data;
        this.recordError = error;
    }

    @wire(graphql, { query: HANDBACK_QUERY })
    wiredConfig({ data, errors }) {
        this.config = data?.uiapi?.query;
        this.configError = errors;
    }

    // ---- what was read ----------------------------------------------------

    get lead() {
        return this.record ? leadFromRecord(this.record) : null;
    }

    get settings() {
        return parseSettings(graphqlNodes(this.config?.LL_Settings__c)[0]).settings;
    }

    get nurtureQueueId() {
        const name = this.settings.nurtureQueue;
        return graphqlNodes(this.config?.Group).find((g) => g.DeveloperName?.value === name)?.Id;
    }

    get isLoading() {
        return !this.loadErrors.length && (!this.record || !this.config);
    }

    get loadErrors() {
        return reduceErrors([this.recordError, this.configError].filter(Boolean));
    }

    get isReady() {
        return !this.isLoading && !this.loadErrors.length;
    }

    get inNurture() {
        return this.isReady && isInNurture(this.lead, this.settings, this.nurtureQueueId);
    }

    get showForm() {
        return this.isReady && !this.inNurture;
    }

    // ---- hand back ----------------------------------------------------------

    get reasonOptions() {
        return handbackReasonOptions(this.settings);
    }

    get input() {
        return { reason: this.reason, notes: this.notes, nurtureUntil: this.nurtureUntil };
    }

    get validationErrors() {
        if (!this.isReady) {
            return [];
        }
        return validateHandBack(
            this.lead,
            this.input,
            this.settings,
            new Date(),
            this.nurtureQueueId
        );
    }

    /** Input messages for fields the user has touched, or all after a confirm. */
    get fieldErrors() {
        return this.validationErrors.filter(
            (e) => e.field !== 'lead' && (this.submitted || this.touched.has(e.field))
        );
    }

    get leadErrors() {
        return this.validationErrors.filter((e) => e.field === 'lead').map((e) => e.message);
    }

    get confirmDisabled() {
        return this.saving || this.leadErrors.length > 0;
    }

    handleFieldChange(event) {
        const { field, value } = event.detail;
        this.touched = new Set([...this.touched, field]);
        this.saveErrors = [];
        if (field === 'reason') {
            this.reason = value;
            if (!this.dateEdited && isHandbackReason(value)) {
                this.nurtureUntil = defaultNurtureUntil(value, this.settings, new Date());
            }
        } else if (field === 'notes') {
            this.notes = value;
        } else if (field === 'nurtureUntil') {
            this.nurtureUntil = value;
            this.dateEdited = true;
        }
    }

    async handleConfirm() {
        this.submitted = true;
        const plan = planHandBack(
            this.lead,
            this.input,
            this.settings,
            new Date(),
            this.nurtureQueueId
        );
        if (!plan.ok) {
            return;
        }
        await this.write(
            plan,
            'Handed back to marketing',
            `${handbackReasonLabel(this.reason)}; nurture until ${this.nurtureUntil}.`,
            'handedback'
        );
    }

    // ---- undo -------------------------------------------------------------------

    get undo() {
        return this.inNurture ? planUndo(this.lead, null, new Date()) : null;
    }

    get undoAllowed() {
        return Boolean(this.undo?.allowed);
    }

    get undoRefusal() {
        return this.undo && !this.undo.allowed ? this.undo.reason : '';
    }

    get nurtureSummary() {
        const lead = this.lead;
        return `Handed back on ${lead.handedBackAt?.slice(0, 10) ?? 'an unknown date'} (${handbackReasonLabel(lead.handbackReason) || 'no reason'}); in nurture until ${lead.nurtureUntil ?? 'no date'}.`;
    }

    async handleUndo() {
        const plan = this.undo;
        if (!plan?.allowed) {
            return;
        }
        await this.write(plan, 'Hand-back undone', `Back with the status ${plan.changes.status}.`);
    }

    // ---- writing ----------------------------------------------------------------

    /**
     * The lead first (conditional), then the Task: a failed lead write logs nothing. Once
     * the lead is written, `doneEvent` (if given) tells a host such as meeting mode.
     */
    async write(plan, title, message, doneEvent) {
        this.saving = true;
        this.saveErrors = [];
        try {
            await updateRecord(
                { fields: plan.fields },
                { ifUnmodifiedSince: plan.ifUnmodifiedSince }
            );
        } catch (error) {
            this.saveErrors = isEditConflict(error) ? [CONFLICT_MESSAGE] : reduceErrors(error);
            this.saving = false;
            return;
        }
        try {
            await createRecord({ apiName: 'Task', fields: plan.task });
            this.toast(title, message, 'success');
        } catch (error) {
            this.toast(
                title,
                `${message} The history Task could not be logged: ${reduceErrors(error).join(' ')}`,
                'warning'
            );
        }
        this.saving = false;
        if (doneEvent) {
            this.dispatchEvent(new CustomEvent(doneEvent, { detail: { changes: plan.changes } }));
        }
        this.dispatchEvent(new CloseActionScreenEvent());
    }

    /** One list for c-error-panel: what failed to load, why this lead cannot be handed back, the save. */
    get errorMessages() {
        return [...this.loadErrors, ...this.leadErrors, ...this.saveErrors];
    }

    handleCancel() {
        this.dispatchEvent(new CloseActionScreenEvent());
    }

    toast(title, message, variant) {
        this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
    }
}
