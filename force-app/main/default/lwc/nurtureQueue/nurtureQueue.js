import { LightningElement, wire } from 'lwc';
import { graphql, refreshGraphQL } from 'lightning/graphql';
import { updateRecord } from 'lightning/uiRecordApi';
import {
    LEAD_FIELDS,
    graphqlNodes,
    handbackReasonOptions,
    handbackReasonLabel,
    isEditConflict,
    isInNurture,
    leadFromRecord,
    nurtureQueueRow,
    parseSettings,
    queueFromRecord,
    planReturn,
    reduceErrors,
    userFromRecord
} from 'c/leadLoopCore';
import { PageCollector } from 'c/graphqlPages';
import { NURTURE_QUEUE_QUERY } from './nurtureQueueQuery';

const CONFLICT_MESSAGE =
    'Someone else changed this lead after the page read it, so it was not returned. Refresh and try again.';

/**
 * Nurture Queue app page (marketing): the handed-back leads with reason, notes, days in
 * nurture, tier and score, and which are ready to return and why; filters; "Return to
 * sales" previews the core's `planReturn` (who gets which lead) and applies it with
 * conditional writes, a result per lead. Reads every page of leads with GraphQL.
 */
/** Handed-back leads read at most (10 pages of 2,000; GraphQL pages beyond with upperBound). */
const LEAD_LIMIT = 20_000;

export default class NurtureQueue extends LightningElement {
    pages;
    variables;
    /** The leads read so far (every page), as records. */
    records = [];
    firstPage;
    config;
    errors;
    reason = '';
    readyOnly = false;
    selectedIds = [];
    plan = null;
    results = null;
    saving = false;

    connectedCallback() {
        this.startReading();
    }

    startReading() {
        this.pages = new PageCollector({ Lead: 'after' }, LEAD_LIMIT);
        this.variables = this.pages.firstVariables();
    }

    @wire(graphql, { query: NURTURE_QUEUE_QUERY, variables: '$variables' })
    wiredQueue(result) {
        const { data, errors } = result;
        this.errors = errors;
        const query = data?.uiapi?.query;
        if (!query) return;
        if (this.variables.after === null) {
            this.firstPage = result;
            this.config = query;
        }
        const next = this.pages.add(query, this.variables);
        this.records = [...this.pages.records.Lead];
        if (next) this.variables = next;
    }

    // ---- what was read ----------------------------------------------------

    get settings() {
        return parseSettings(graphqlNodes(this.config?.LL_Settings__c)[0]).settings;
    }

    get queues() {
        return graphqlNodes(this.config?.Group).map(queueFromRecord);
    }

    queueId(developerName) {
        return this.queues.find((q) => q.developerName === developerName)?.id ?? null;
    }

    get nurtureQueueId() {
        return this.queueId(this.settings.nurtureQueue);
    }

    /** Handed-back leads still in nurture (one returned to sales keeps its hand-back fields). */
    get leads() {
        return this.records
            .map((node) => leadFromRecord(node))
            .filter((lead) => isInNurture(lead, this.settings, this.nurtureQueueId));
    }

    get rows() {
        const now = new Date();
        return this.leads
            .map((lead) => nurtureQueueRow(lead, this.settings, now, this.nurtureQueueId))
            .filter((row) => row.ready || !this.readyOnly)
            .filter((row) => !this.reason || row.reason === handbackReasonLabel(this.reason));
    }

    get isLoading() {
        return !this.config && !this.errors;
    }

    get reasons() {
        return handbackReasonOptions(this.settings).map(({ label, value }) => ({ label, value }));
    }

    // ---- filters and selection --------------------------------------------------

    handleFilterChange(event) {
        this.reason = event.detail.reason;
        this.readyOnly = event.detail.readyOnly;
    }

    handleSelectionChange(event) {
        this.selectedIds = event.detail.ids;
    }

    get returnDisabled() {
        return this.selectedIds.length === 0 || this.saving;
    }

    // ---- return to sales ----------------------------------------------------------

    get owners() {
        const users = graphqlNodes(this.config?.User).map((u) => ({
            ...userFromRecord(u),
            type: 'User'
        }));
        const queues = this.queues.map((q) => ({ ...q, type: 'Queue', isActive: true }));
        return [...users, ...queues];
    }

    get selectedLeads() {
        const wanted = new Set(this.selectedIds);
        return this.leads.filter((lead) => wanted.has(lead.id));
    }

    handleReturn() {
        const names = new Map(this.rows.map((r) => [r.id, r.name]));
        this.results = null;
        this.plan = planReturn(this.selectedLeads, this.owners, this.settings, {
            now: new Date(),
            nurtureQueueId: this.nurtureQueueId,
            returnQueueId: this.queueId(this.settings.returnQueue)
        }).map((item) => ({ ...item, name: names.get(item.leadId) ?? item.leadId }));
    }

    handleCancelReturn() {
        this.plan = null;
    }

    /** Each lead on its own, conditional on the read: a lead someone changed is left alone. */
    async handleApplyReturn() {
        this.saving = true;
        const byId = new Map(this.leads.map((lead) => [lead.id, lead]));
        const results = {};
        await Promise.all(
            this.plan
                .filter((item) => item.ok)
                .map(async (item) => {
                    try {
                        await updateRecord(
                            {
                                fields: { ...item.fields, [LEAD_FIELDS.readyToReturn]: null }
                            },
                            { ifUnmodifiedSince: byId.get(item.leadId)?.lastModifiedDate }
                        );
                        results[item.leadId] = { ok: true, message: '' };
                    } catch (error) {
                        results[item.leadId] = {
                            ok: false,
                            message: isEditConflict(error)
                                ? CONFLICT_MESSAGE
                                : reduceErrors(error).join(' ')
                        };
                    }
                })
        );
        this.results = results;
        this.saving = false;
        this.selectedIds = [];
        await this.reload();
    }

    async reload() {
        this.startReading();
        if (this.firstPage) {
            await refreshGraphQL(this.firstPage);
        }
    }
}
