import { LightningElement, api, wire } from 'lwc';
import { graphql } from 'lightning/graphql';
import {
    HYGIENE_CHECKS,
    auditLeads,
    graphqlNodes,
    hygieneSnapshotFromRecords,
    leadFromRecord,
    parseSettings
} from 'c/leadLoopCore';
import { LEAD_QUERY, RELATED_QUERY } from './leadHygieneQuery';

const EXPLANATIONS = Object.fromEntries(HYGIENE_CHECKS.map((c) => [c.id, c.explanation]));

/**
 * Lead record page: what the stage hygiene audit finds on this lead, with what it means
 * and the suggested fix, so a rep sees what is wrong before the meeting. Reads the lead and
 * what the checks need for it in two queries and audits it with the core's checks.
 */
export default class LeadHygieneFindings extends LightningElement {
    @api recordId;

    leadData;
    relatedData;
    errors;
    findings = [];

    @wire(graphql, { query: LEAD_QUERY, variables: '$leadVariables' })
    wiredLead(result) {
        this.leadData = result.data;
        this.errors = result.errors;
    }

    @wire(graphql, { query: '$relatedQuery', variables: '$relatedVariables' })
    wiredRelated(result) {
        this.relatedData = result.data;
        if (result.errors) {
            this.errors = result.errors;
        }
        this.findings = this.audit();
    }

    get leadVariables() {
        return { recordId: this.recordId };
    }

    get leadNode() {
        return graphqlNodes(this.leadData?.uiapi?.query?.Lead)[0] ?? null;
    }

    /** The second query waits for the lead; an empty value matches nothing (never every blank). */
    get relatedQuery() {
        return this.leadNode ? RELATED_QUERY : undefined;
    }

    get relatedVariables() {
        const node = this.leadNode;
        if (!node) {
            return undefined;
        }
        const lead = leadFromRecord(node);
        const orNothing = (value) => value || node.Id;
        return {
            ownerId: orNothing(lead.ownerId),
            email: orNothing(lead.email),
            company: orNothing(lead.company),
            phone: orNothing(lead.phone)
        };
    }

    get isLoading() {
        return !this.errors && (!this.leadData || (this.leadNode && !this.relatedData));
    }

    get notFound() {
        return Boolean(this.leadData) && !this.leadNode;
    }

    /** This lead's findings, audited with what was read around it. */
    audit() {
        const lead = this.leadData?.uiapi?.query;
        const related = this.relatedData?.uiapi?.query;
        if (!this.leadNode || !lead || !related) {
            return [];
        }
        const others = graphqlNodes(related.Lead).filter((n) => n.Id !== this.recordId);
        const snapshot = hygieneSnapshotFromRecords({
            Lead: [this.leadNode, ...others],
            User: graphqlNodes(related.User),
            Group: graphqlNodes(lead.Group),
            Contact: graphqlNodes(related.Contact),
            Account: graphqlNodes(related.Account),
            Opportunity: graphqlNodes(related.Opportunity),
            Task: graphqlNodes(lead.Task),
            Event: graphqlNodes(lead.Event)
        });
        const { settings } = parseSettings(graphqlNodes(lead.LL_Settings__c)[0]);
        const own = [];
        auditLeads(snapshot, settings, new Date(), {
            onFinding: (f) => f.leadId === this.recordId && own.push(f)
        });
        return own.map((f) => ({
            key: f.checkId,
            title: f.title,
            severity: f.severity,
            detail: f.detail,
            explanation: EXPLANATIONS[f.checkId] ?? '',
            fix: f.fix.text
        }));
    }

    get hasFindings() {
        return this.findings.length > 0;
    }

    get isClean() {
        return !this.isLoading && !this.errors && Boolean(this.leadNode) && !this.hasFindings;
    }
}
