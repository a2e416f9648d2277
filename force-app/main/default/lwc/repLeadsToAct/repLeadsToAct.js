import { LightningElement, wire } from 'lwc';
import { graphql } from 'lightning/graphql';
import USER_ID from '@salesforce/user/Id';
import {
    activeScoringModel,
    parseScoringModelRecord,
    parseSettings,
    repActions,
    scoringInputsFromRecords
} from 'c/leadLoopCore';
import { PageCollector, edgesOf } from 'c/graphqlPages';
import {
    ACTIVITY_CURSORS,
    LEAD_CURSORS,
    REP_ACTIVITIES_QUERY,
    REP_LEADS_QUERY,
    REP_LIMIT,
    REP_PAGE_SIZE
} from './repQuery';

const PAGING = { pageSize: REP_PAGE_SIZE, upperBound: REP_LIMIT };

/**
 * The rep's home page list "my leads to act on now": their open leads with a reason to
 * act (overdue or due next step, sales-ready without a next step, untouched), hottest and
 * most overdue first, each with what would move it up a tier under the active model.
 * Reads the leads page by page, then their activities (for the scorer), then ranks them
 * in the core.
 */
export default class RepLeadsToAct extends LightningElement {
    leadPages = new PageCollector(LEAD_CURSORS, REP_LIMIT);
    activityPages = new PageCollector(ACTIVITY_CURSORS, REP_LIMIT);
    leadVariables = this.leadPages.firstVariables({ ownerId: USER_ID, ...PAGING });
    activityQuery;
    activityVariables;
    model;
    settings;
    actions;
    errors;

    @wire(graphql, { query: REP_LEADS_QUERY, variables: '$leadVariables' })
    wiredLeads(result) {
        const query = result.data?.uiapi?.query;
        if (result.errors) {
            this.errors = result.errors;
            return;
        }
        if (!query || this.activityVariables) return;
        const next = this.leadPages.add(query, this.leadVariables);
        if (next) {
            this.leadVariables = next;
            return;
        }
        const versions = edgesOf(query.LL_Scoring_Model__c).map((r) => parseScoringModelRecord(r));
        this.model = activeScoringModel(versions).model;
        this.settings = parseSettings(edgesOf(query.LL_Settings__c)[0]).settings;
        const leadIds = this.leadPages.records.Lead.map((r) => r.Id);
        if (!leadIds.length) {
            this.actions = [];
            return;
        }
        this.activityVariables = this.activityPages.firstVariables({ leadIds, ...PAGING });
        this.activityQuery = REP_ACTIVITIES_QUERY;
    }

    @wire(graphql, { query: '$activityQuery', variables: '$activityVariables' })
    wiredActivities(result) {
        const query = result.data?.uiapi?.query;
        if (result.errors) {
            this.errors = result.errors;
            return;
        }
        if (!query || this.actions) return;
        const next = this.activityPages.add(query, this.activityVariables);
        if (next) {
            this.activityVariables = next;
            return;
        }
        const inputs = scoringInputsFromRecords({
            Lead: this.leadPages.records.Lead,
            ...this.activityPages.records
        });
        this.actions = repActions(inputs, this.model, new Date(), this.settings);
    }

    get loading() {
        return !this.actions && !this.errors;
    }

    get hasActions() {
        return this.actions?.length > 0;
    }

    get none() {
        return this.actions?.length === 0;
    }

    get rows() {
        return (this.actions ?? []).map((a) => ({
            ...a,
            heading: `${a.name}, ${a.company}`,
            tierText: `${a.tier} · ${a.score}`,
            reasonText: a.reasons.join(' · '),
            nextText: a.nextStep
                ? `Next: ${a.nextStep}${a.nextStepDate ? ` · due ${a.nextStepDate}` : ''}`
                : 'No next step',
            nextClass: a.overdueDays > 0 ? 'slds-text-color_error' : ''
        }));
    }
}
