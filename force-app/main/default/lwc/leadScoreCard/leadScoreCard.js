import { LightningElement, api, wire } from 'lwc';
import { graphql, refreshGraphQL } from 'lightning/graphql';
import { updateRecord } from 'lightning/uiRecordApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import {
    LEAD_FIELDS,
    activeScoringModel,
    activityFromRecord,
    campaignMemberFromRecord,
    leadFromRecord,
    leadToRecord,
    parseScoringModelRecord,
    parseSettings,
    queueFromRecord,
    rescoreChange,
    scoreLead,
    scoringInputsFromRecords
} from 'c/leadLoopCore';
import { SCORE_CARD_QUERY } from './scoreCardQuery';

function edgesOf(connection) {
    return (connection?.edges ?? []).map((edge) => edge.node).filter(Boolean);
}

/**
 * Lead record page: the lead's score (c-lead-score-summary), the reasons
 * (c-lead-score-reasons), "Rescore now", and why the lead came in (c-lead-arrival). This
 * container reads with GraphQL, scores with c/leadLoopCore and writes with updateRecord;
 * its children only display what they are given.
 */
export default class LeadScoreCard extends LightningElement {
    @api recordId;

    wiredResult;
    data;
    errors;
    rescoring = false;
    actionErrors;

    @wire(graphql, {
        query: SCORE_CARD_QUERY,
        variables: '$variables'
    })
    wiredScoreCard(result) {
        this.wiredResult = result;
        this.data = result.data;
        this.errors = result.errors;
    }

    get variables() {
        return { recordId: this.recordId };
    }

    // ---- reading -------------------------------------------------------

    get query() {
        return this.data?.uiapi?.query;
    }

    get leadNode() {
        return edgesOf(this.query?.Lead)[0];
    }

    get lead() {
        return this.leadNode ? leadFromRecord(this.leadNode) : null;
    }

    get activities() {
        return [
            ...edgesOf(this.query?.Task).map((r) => activityFromRecord(r, 'Task')),
            ...edgesOf(this.query?.Event).map((r) => activityFromRecord(r, 'Event'))
        ];
    }

    get campaignMembers() {
        return edgesOf(this.query?.CampaignMember).map((r) => campaignMemberFromRecord(r));
    }

    get activeModel() {
        return activeScoringModel(
            edgesOf(this.query?.LL_Scoring_Model__c).map((r) => parseScoringModelRecord(r))
        );
    }

    /** The settings and nurture queue the ready-to-return mark is judged by. */
    get handback() {
        const settings = parseSettings(edgesOf(this.query?.LL_Settings__c)[0]).settings;
        const queue = edgesOf(this.query?.Group)
            .map(queueFromRecord)
            .find((q) => q.developerName === settings.nurtureQueue);
        return { settings, nurtureQueueId: queue?.id ?? null };
    }

    get isLoading() {
        return !this.data && !this.errors;
    }

    get notFound() {
        return Boolean(this.data) && !this.leadNode;
    }

    get hasLead() {
        return Boolean(this.lead);
    }

    // ---- the stored score ---------------------------------------------

    get canSeeScore() {
        return Boolean(this.leadNode) && LEAD_FIELDS.tier in this.leadNode;
    }

    get isScored() {
        return Boolean(this.lead?.tier);
    }

    get scoreReasons() {
        return this.lead?.scoreReasons;
    }

    get leadSource() {
        return this.lead?.leadSource;
    }

    // ---- rescore --------------------------------------------------------

    get rescoreDisabled() {
        return this.rescoring || !this.hasLead || !this.canSeeScore;
    }

    async handleRescore() {
        const lead = this.lead;
        if (!lead) {
            return;
        }
        this.rescoring = true;
        this.actionErrors = undefined;
        try {
            const now = new Date();
            const { model, version } = this.activeModel;
            const [input] = scoringInputsFromRecords({
                Lead: [this.leadNode],
                Task: edgesOf(this.query?.Task),
                Event: edgesOf(this.query?.Event),
                CampaignMember: edgesOf(this.query?.CampaignMember)
            });
            const result = scoreLead(input, model, now);
            const { change: changes } = rescoreChange(lead, result, version, now, this.handback);
            if (!changes) {
                this.toast('Score is up to date', `${result.tier}: nothing changed.`, 'info');
                return;
            }
            // Write only the fields this user can see (field-level security).
            const visible = {};
            for (const [key, value] of Object.entries(changes)) {
                if (key === 'id' || LEAD_FIELDS[key] in this.leadNode) {
                    visible[key] = value;
                }
            }
            await updateRecord({ fields: leadToRecord(visible) });
            await refreshGraphQL(this.wiredResult);
            this.toast('Lead rescored', result.summary, 'success');
        } catch (error) {
            this.actionErrors = error;
        } finally {
            this.rescoring = false;
        }
    }

    toast(title, message, variant) {
        this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
    }
}
