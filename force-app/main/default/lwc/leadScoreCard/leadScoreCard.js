import { LightningElement, api, wire } from 'lwc';
import { gql, graphql, refreshGraphQL } from 'lightning/graphql';
import { updateRecord } from 'lightning/uiRecordApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import {
    LEAD_FIELDS,
    activeScoringModel,
    activityFromRecord,
    campaignMemberFromRecord,
    leadFromRecord,
    leadToRecord,
    parseReasons,
    parseScoringModelRecord,
    reduceErrors,
    scoreFieldChanges,
    scoreLead,
    scoringInputsFromRecords
} from 'c/leadLoopCore';

const TIER_CLASSES = {
    Hot: 'slds-badge slds-theme_error',
    Warm: 'slds-badge slds-theme_warning',
    Cool: 'slds-badge slds-theme_info',
    Cold: 'slds-badge slds-badge_lightest'
};

function newestFirst(a, b) {
    if (a.date === b.date) {
        return a.key.localeCompare(b.key);
    }
    if (!a.date || !b.date) {
        return a.date ? -1 : 1;
    }
    return b.date.localeCompare(a.date);
}

function edgesOf(connection) {
    return (connection?.edges ?? []).map((edge) => edge.node).filter(Boolean);
}

/**
 * Lead record page: the lead's tier, grade, engagement and the reasons, the change since
 * the last score, when and by which model version it was scored, "Rescore now", and why
 * the lead came in (source, campaigns, what the lead did, newest first). All logic comes
 * from c/leadLoopCore; this component reads with GraphQL and writes with updateRecord.
 */
export default class LeadScoreCard extends LightningElement {
    @api recordId;

    wiredResult;
    data;
    errors;
    rescoring = false;
    actionErrors;

    @wire(graphql, {
        query: gql`
            query leadScoreCard($recordId: ID) {
                uiapi {
                    query {
                        Lead(where: { Id: { eq: $recordId } }, first: 1) {
                            edges {
                                node {
                                    Id
                                    FirstName {
                                        value
                                    }
                                    LastName {
                                        value
                                    }
                                    Company {
                                        value
                                    }
                                    Title {
                                        value
                                    }
                                    Email {
                                        value
                                    }
                                    Phone {
                                        value
                                    }
                                    Industry {
                                        value
                                    }
                                    NumberOfEmployees {
                                        value
                                    }
                                    AnnualRevenue {
                                        value
                                    }
                                    Country {
                                        value
                                    }
                                    LeadSource {
                                        value
                                    }
                                    CreatedDate {
                                        value
                                    }
                                    LL_Score__c: LL_Score__c {
                                        value
                                    }
                                    LL_Fit_Grade__c: LL_Fit_Grade__c {
                                        value
                                    }
                                    LL_Engagement__c: LL_Engagement__c {
                                        value
                                    }
                                    LL_Tier__c: LL_Tier__c {
                                        value
                                    }
                                    LL_Sales_Ready__c: LL_Sales_Ready__c {
                                        value
                                    }
                                    LL_Score_Reasons__c: LL_Score_Reasons__c {
                                        value
                                    }
                                    LL_Score_Summary__c: LL_Score_Summary__c {
                                        value
                                    }
                                    LL_Scored_At__c: LL_Scored_At__c {
                                        value
                                    }
                                    LL_Model_Version__c: LL_Model_Version__c {
                                        value
                                    }
                                    LL_Previous_Score__c: LL_Previous_Score__c {
                                        value
                                    }
                                    LL_Previous_Tier__c: LL_Previous_Tier__c {
                                        value
                                    }
                                }
                            }
                        }
                        Task(
                            where: { WhoId: { eq: $recordId } }
                            first: 200
                            orderBy: { CreatedDate: { order: DESC } }
                        ) {
                            edges {
                                node {
                                    Id
                                    WhoId {
                                        value
                                    }
                                    OwnerId {
                                        value
                                    }
                                    Subject {
                                        value
                                    }
                                    Type {
                                        value
                                    }
                                    Status {
                                        value
                                    }
                                    ActivityDate {
                                        value
                                    }
                                    CreatedDate {
                                        value
                                    }
                                }
                            }
                        }
                        Event(
                            where: { WhoId: { eq: $recordId } }
                            first: 200
                            orderBy: { CreatedDate: { order: DESC } }
                        ) {
                            edges {
                                node {
                                    Id
                                    WhoId {
                                        value
                                    }
                                    OwnerId {
                                        value
                                    }
                                    Subject {
                                        value
                                    }
                                    Type {
                                        value
                                    }
                                    ActivityDate {
                                        value
                                    }
                                    StartDateTime {
                                        value
                                    }
                                    CreatedDate {
                                        value
                                    }
                                }
                            }
                        }
                        CampaignMember(
                            where: { LeadId: { eq: $recordId } }
                            first: 50
                            orderBy: { CreatedDate: { order: DESC } }
                        ) {
                            edges {
                                node {
                                    Id
                                    LeadId {
                                        value
                                    }
                                    CampaignId {
                                        value
                                    }
                                    Status {
                                        value
                                    }
                                    HasResponded {
                                        value
                                    }
                                    FirstRespondedDate {
                                        value
                                    }
                                    CreatedDate {
                                        value
                                    }
                                    Campaign {
                                        Name {
                                            value
                                        }
                                    }
                                }
                            }
                        }
                        LL_Scoring_Model__c(
                            where: { LL_Status__c: { eq: "Active" } }
                            first: 10
                            orderBy: { LL_Version__c: { order: DESC } }
                        ) {
                            edges {
                                node {
                                    Id
                                    Name {
                                        value
                                    }
                                    LL_Version__c: LL_Version__c {
                                        value
                                    }
                                    LL_Status__c: LL_Status__c {
                                        value
                                    }
                                    LL_Definition__c: LL_Definition__c {
                                        value
                                    }
                                    LL_Activated_At__c: LL_Activated_At__c {
                                        value
                                    }
                                    LL_Description__c: LL_Description__c {
                                        value
                                    }
                                    CreatedDate {
                                        value
                                    }
                                }
                            }
                        }
                    }
                }
            }
        `,
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

    get isLoading() {
        return !this.data && !this.errors;
    }

    get loadErrors() {
        return this.errors ? reduceErrors(this.errors) : [];
    }

    get hasLoadErrors() {
        return this.loadErrors.length > 0;
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

    get tier() {
        return this.lead?.tier ?? 'Not scored';
    }

    get tierClass() {
        return TIER_CLASSES[this.lead?.tier] ?? 'slds-badge';
    }

    get gradeText() {
        return this.lead?.fitGrade ?? '—';
    }

    get scoreText() {
        const score = this.lead?.score;
        return typeof score === 'number' ? String(score) : '—';
    }

    get engagementText() {
        const engagement = this.lead?.engagement;
        return typeof engagement === 'number' ? engagement.toFixed(1) : '—';
    }

    get salesReady() {
        return this.lead?.salesReady === true;
    }

    get summary() {
        return this.lead?.scoreSummary ?? '';
    }

    get reasons() {
        return parseReasons(this.lead?.scoreReasons).map((reason, index) => ({
            key: `${reason.id}-${index}`,
            text: reason.text || reason.label,
            points: reason.points > 0 ? `+${reason.points}` : String(reason.points),
            dimension: reason.dimension === 'engagement' ? 'Engagement' : 'Fit',
            pointsClass:
                reason.points >= 0
                    ? 'slds-text-color_success slds-text-title_bold'
                    : 'slds-text-color_error slds-text-title_bold'
        }));
    }

    get hasReasons() {
        return this.reasons.length > 0;
    }

    get change() {
        const lead = this.lead;
        if (!lead || typeof lead.previousScore !== 'number' || typeof lead.score !== 'number') {
            return null;
        }
        const delta = lead.score - lead.previousScore;
        const direction = delta > 0 ? 'Up' : delta < 0 ? 'Down' : 'No change';
        const amount = delta === 0 ? '' : ` ${Math.abs(delta)}`;
        const tierPart =
            lead.previousTier && lead.previousTier !== lead.tier
                ? `, was ${lead.previousTier}`
                : '';
        return `${direction}${amount} since the last score (was ${lead.previousScore}${tierPart}).`;
    }

    get scoredAt() {
        return this.lead?.scoredAt ?? null;
    }

    get modelVersionText() {
        const version = this.lead?.modelVersion;
        return typeof version === 'number' ? `model v${version}` : '';
    }

    // ---- why this lead came in ------------------------------------------

    get leadSource() {
        return this.lead?.leadSource || 'Unknown';
    }

    get campaigns() {
        return this.campaignMembers.map((m) => ({
            key: m.id,
            name: m.campaignName || 'Campaign',
            status: m.status || (m.hasResponded ? 'Responded' : 'Member'),
            responded: m.hasResponded
        }));
    }

    get hasCampaigns() {
        return this.campaigns.length > 0;
    }

    get timeline() {
        const items = [
            ...this.activities.map((a) => ({
                key: a.id,
                date: a.activityDate || (a.createdDate ? a.createdDate.slice(0, 10) : ''),
                icon: a.kind === 'Event' ? 'standard:event' : 'standard:task',
                kind: a.kind === 'Event' ? 'Meeting' : a.type || 'Task',
                text: a.subject || '(no subject)'
            })),
            ...this.campaignMembers
                .filter((m) => m.hasResponded)
                .map((m) => ({
                    key: `${m.id}-response`,
                    date: m.firstRespondedDate || (m.createdDate ? m.createdDate.slice(0, 10) : ''),
                    icon: 'standard:campaign',
                    kind: 'Campaign response',
                    text: m.campaignName || 'Campaign'
                }))
        ];
        // newest first; undated last; ties by key so the order is stable
        return items.sort(newestFirst);
    }

    get hasTimeline() {
        return this.timeline.length > 0;
    }

    // ---- rescore --------------------------------------------------------

    get rescoreDisabled() {
        return this.rescoring || !this.hasLead || !this.canSeeScore;
    }

    get hasActionErrors() {
        return Boolean(this.actionErrors?.length);
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
            const changes = scoreFieldChanges(lead, result, version, now);
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
            this.actionErrors = reduceErrors(error);
        } finally {
            this.rescoring = false;
        }
    }

    toast(title, message, variant) {
        this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
    }
}
