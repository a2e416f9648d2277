import { LightningElement, api, wire } from 'lwc';
import { graphql } from 'lightning/graphql';
import { NavigationMixin } from 'lightning/navigation';
import {
    funnelAggregateVariables,
    funnelBars,
    funnelMetricsFromAggregates,
    graphqlNodes,
    METRIC_REPORTS,
    parseSettings,
    summaryNumbers
} from 'c/leadLoopCore';
import { FUNNEL_QUERY, FUNNEL_SETTINGS_QUERY } from 'c/leadLoopMetricsQuery';

/**
 * The Lead Loop key numbers (home pages), and with `show-funnel` the six-stage
 * funnel too (the funnel page). Reads the settings, then the leads as GraphQL
 * aggregates (never every lead), computes with c/leadLoopCore, and opens a
 * number's report when it is clicked. Its children only display.
 */
export default class LeadLoopSummary extends NavigationMixin(LightningElement) {
    /** Also show the funnel (the funnel page sets it). */
    @api showFunnel = false;

    settingsData;
    settingsErrors;
    aggregateData;
    aggregateErrors;
    /** The clock the numbers are computed at (tests set it). */
    now = new Date();

    @wire(graphql, { query: FUNNEL_SETTINGS_QUERY })
    wiredSettings({ data, errors }) {
        this.settingsData = data;
        this.settingsErrors = errors;
    }

    @wire(graphql, { query: '$funnelQuery', variables: '$variables' })
    wiredAggregates({ data, errors }) {
        this.aggregateData = data;
        this.aggregateErrors = errors;
    }

    get settings() {
        return this.settingsData
            ? parseSettings(graphqlNodes(this.settingsData?.uiapi?.query?.LL_Settings__c)[0])
                  .settings
            : undefined;
    }

    /** Undefined until the settings are read, so the aggregates wait for them. */
    get funnelQuery() {
        return this.settings ? FUNNEL_QUERY : undefined;
    }

    get variables() {
        return this.settings ? funnelAggregateVariables(this.settings, this.now) : undefined;
    }

    get computed() {
        if (!this.settings || !this.aggregateData?.uiapi?.aggregate) return {};
        try {
            return {
                metrics: funnelMetricsFromAggregates(this.aggregateData, this.settings, this.now)
            };
        } catch (error) {
            return { error };
        }
    }

    get errors() {
        const list = [
            ...(this.settingsErrors ?? []),
            ...(this.aggregateErrors ?? []),
            ...(this.computed.error ? [this.computed.error] : [])
        ];
        return list.length ? list : undefined;
    }

    get isLoading() {
        return !this.errors && !this.computed.metrics;
    }

    get numbers() {
        return this.computed.metrics ? summaryNumbers(this.computed.metrics) : [];
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

    /**
     * A report opens by id (standard__recordPage); the id differs per org, so the
     * link names the report and the Reports tab finds it by its DeveloperName.
     */
    openReport(developerName) {
        this[NavigationMixin.Navigate]({
            type: 'standard__objectPage',
            attributes: { objectApiName: 'Report', actionName: 'home' },
            state: { c__report: developerName }
        });
    }
}
