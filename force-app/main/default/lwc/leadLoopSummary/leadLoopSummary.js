import { LightningElement, api, wire } from 'lwc';
import { graphql } from 'lightning/graphql';
import { NavigationMixin } from 'lightning/navigation';
import {
    funnelBars,
    funnelMetricsFromAggregates,
    funnelRequestVariables,
    graphqlNodes,
    latestAuditRunFromAnswer,
    METRIC_REPORTS,
    parseSettings,
    reportIdsFromLinks,
    reportPageReference,
    summaryNumbers
} from 'c/leadLoopCore';
import { FUNNEL_QUERIES, FUNNEL_SETTINGS_QUERY } from 'c/leadLoopMetricsQuery';

/**
 * The Lead Loop key numbers (home pages), and with `show-funnel` the six-stage
 * funnel too (the funnel page). Reads the settings with the stored report links and the
 * latest audit run, then the leads as GraphQL aggregates (never every lead) in
 * FUNNEL_QUERIES.length requests at once (one wire each: the platform allows 10
 * subqueries per query), computes with c/leadLoopCore, shows the audit's figures (speed
 * to first touch, defect rate) as of its run, and opens a number's own report (its
 * stored link) when it is clicked. Its children only display.
 */
export default class LeadLoopSummary extends NavigationMixin(LightningElement) {
    /** Also show the funnel (the funnel page sets it). */
    @api showFunnel = false;

    settingsData;
    settingsErrors;
    /** The answer of each funnel request (data and errors), by request. */
    parts = FUNNEL_QUERIES.map(() => ({}));
    /** The clock the numbers are computed at (tests set it). */
    now = new Date();

    @wire(graphql, { query: FUNNEL_SETTINGS_QUERY, operationName: 'leadLoopFunnelSettings' })
    wiredSettings({ data, errors }) {
        this.settingsData = data;
        this.settingsErrors = errors;
    }

    // One wire per funnel request (FUNNEL_QUERIES has three): they run in parallel.
    @wire(graphql, {
        query: '$funnelQuery0',
        variables: '$variables0',
        operationName: 'leadLoopFunnel0'
    })
    wiredPart0(result) {
        this.setPart(0, result);
    }

    @wire(graphql, {
        query: '$funnelQuery1',
        variables: '$variables1',
        operationName: 'leadLoopFunnel1'
    })
    wiredPart1(result) {
        this.setPart(1, result);
    }

    @wire(graphql, {
        query: '$funnelQuery2',
        variables: '$variables2',
        operationName: 'leadLoopFunnel2'
    })
    wiredPart2(result) {
        this.setPart(2, result);
    }

    setPart(index, { data, errors }) {
        this.parts = this.parts.map((p, i) => (i === index ? { data, errors } : p));
    }

    get settings() {
        return this.settingsData
            ? parseSettings(graphqlNodes(this.settingsData?.uiapi?.query?.LL_Settings__c)[0])
                  .settings
            : undefined;
    }

    /** Report ids by DeveloperName (stored links); without one a link opens the Reports tab. */
    get reportIds() {
        return reportIdsFromLinks(this.settingsData);
    }

    /** The latest audit run's figures, or null before the first audit. */
    get latestRun() {
        return latestAuditRunFromAnswer(this.settingsData);
    }

    /** Undefined until the settings are read, so the aggregates wait for them. */
    get funnelQuery0() {
        return this.settings ? FUNNEL_QUERIES[0] : undefined;
    }

    get funnelQuery1() {
        return this.settings ? FUNNEL_QUERIES[1] : undefined;
    }

    get funnelQuery2() {
        return this.settings ? FUNNEL_QUERIES[2] : undefined;
    }

    get requestVariables() {
        return this.settings ? funnelRequestVariables(this.settings, this.now) : [];
    }

    get variables0() {
        return this.requestVariables[0];
    }

    get variables1() {
        return this.requestVariables[1];
    }

    get variables2() {
        return this.requestVariables[2];
    }

    get computed() {
        const answers = this.parts.map((p) => p.data);
        if (!this.settings || answers.some((data) => !data?.uiapi?.aggregate)) return {};
        try {
            return { metrics: funnelMetricsFromAggregates(answers, this.settings, this.now) };
        } catch (error) {
            return { error };
        }
    }

    get errors() {
        const list = [
            ...(this.settingsErrors ?? []),
            ...this.parts.flatMap((p) => p.errors ?? []),
            ...(this.computed.error ? [this.computed.error] : [])
        ];
        return list.length ? list : undefined;
    }

    get isLoading() {
        return !this.errors && !this.computed.metrics;
    }

    get numbers() {
        return this.computed.metrics ? summaryNumbers(this.computed.metrics, this.latestRun) : [];
    }

    get bars() {
        return this.computed.metrics ? funnelBars(this.computed.metrics) : [];
    }

    get leadCount() {
        return this.computed.metrics?.leads ?? 0;
    }

    handleReport(event) {
        this.openReport(event.detail.report);
    }

    handleStage() {
        this.openReport(METRIC_REPORTS.funnel);
    }

    openReport(developerName) {
        this[NavigationMixin.Navigate](reportPageReference(developerName, this.reportIds));
    }
}
