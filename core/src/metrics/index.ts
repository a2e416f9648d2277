/**
 * Tracking and reporting: the seeds' funnel numbers for an org, computed in
 * one linear pass, or page by page through the mergeable accumulator.
 */
import {
    addAuditRuns,
    addCampaigns,
    addLeads,
    addReviewMeetings,
    emptyMetrics
} from './accumulate';
import { finishMetrics } from './finish';
import type { LeadLoopMetrics, MetricsOptions, MetricsSnapshot } from './types';

export * from './types';
export {
    addAuditRuns,
    addCampaigns,
    addLeadGroups,
    addLeads,
    addReviewMeetings,
    auditRunCounts,
    emptyMetrics,
    touchMoment,
    type LeadGroup,
    type MetricsAccumulator
} from './accumulate';
export { mergeMetrics } from './merge';
export { finishMetrics, ratio } from './finish';
export { percentile } from './samples';
export { isQueueId, leadFacts, QUEUE_KEY_PREFIX, type LeadFacts } from './facts';

/** Every metric over a snapshot, in one pass (the same as one page through the accumulator). */
export function computeMetrics(
    snapshot: MetricsSnapshot,
    options: MetricsOptions
): LeadLoopMetrics {
    const acc = emptyMetrics(options);
    addCampaigns(acc, snapshot.campaigns ?? []);
    addReviewMeetings(acc, snapshot.reviewMeetings ?? []);
    addAuditRuns(acc, snapshot.auditRuns ?? []);
    return finishMetrics(addLeads(acc, snapshot));
}
export * from './records';
export {
    FUNNEL_AGGREGATE_QUERIES,
    FUNNEL_AGGREGATE_REQUESTS,
    funnelRequestVariables,
    MAX_SUBQUERIES_PER_REQUEST,
    type FunnelAggregateRequest,
    FUNNEL_PARTITIONS,
    funnelAggregateVariables,
    funnelMetricsFromAggregates,
    leadGroupsFromAggregates
} from './aggregateQuery';
export {
    funnelBars,
    LEAK_LABELS,
    METRIC_REPORTS,
    ratioText,
    asOfText,
    RUN_AUDIT_HINT,
    summaryNumbers,
    type FunnelBar,
    type SummaryNumber
} from './view';
export {
    isReportId,
    LINKED_REPORTS,
    planReportLinks,
    reportIdsFromLinks,
    reportLinkRecord,
    reportPageReference,
    type ReportLinkAction,
    type ReportLinkPlan,
    type ReportPageReference
} from './reportLinks';
export {
    auditFigures,
    auditFiguresFields,
    auditRunFiguresFromRecord,
    latestAuditRunFromAnswer,
    type AuditFigures,
    type AuditRunFigures
} from './auditFigures';
