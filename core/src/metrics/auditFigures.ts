/**
 * The figures an audit run keeps for the funnel page: what aggregates cannot give (a
 * percentile needs every first-touch time, the defect rate every lead's findings), taken
 * from the metrics computed over the leads the audit read, so `leadloop report --audit`,
 * `leadloop audit` and the audit page agree by construction (one implementation: the
 * accumulator). The page then reads the latest LL_Audit_Run__c: one small record.
 */
import { fieldNumber, fieldValue, graphqlNodes, type SalesforceRecord } from '../records';
import { AUDIT_RUN } from '../schema';
import type { IsoDateTime } from '../types';
import type { LeadLoopMetrics } from './types';

export interface AuditFigures {
    /** Leads handed to sales (the funnel stage) among the leads audited. */
    handedToSales: number;
    /** Of those, leads with at least one finding: the process defects. */
    defective: number;
    /** Leads whose first touch time is known (what the percentiles are over). */
    firstTouchLeads: number;
    firstTouchMedianHours: number | null;
    firstTouchP90Hours: number | null;
}

/** The latest audit run as the funnel page reads it. */
export interface AuditRunFigures {
    ranAt: IsoDateTime;
    source: string | null;
    /** Null for a run recorded before runs kept their figures. */
    figures: AuditFigures | null;
}

/** Hours are stored with two decimals (Number(12, 2)): rounded here, so what is read back is equal. */
const hours2 = (h: number | null): number | null => (h === null ? null : Math.round(h * 100) / 100);

/** The figures of finished metrics computed with the audit's findings. */
export function auditFigures(m: LeadLoopMetrics): AuditFigures {
    if (!m.processDefects.audited) {
        throw new Error('Audit figures need metrics computed with the audit’s findings.');
    }
    return {
        handedToSales: m.processDefects.defective.of,
        defective: m.processDefects.defective.count,
        firstTouchLeads: m.speedToFirstTouch.leads,
        firstTouchMedianHours: hours2(m.speedToFirstTouch.medianHours),
        firstTouchP90Hours: hours2(m.speedToFirstTouch.p90Hours)
    };
}

/** The figures as LL_Audit_Run__c fields. */
export function auditFiguresFields(figures: AuditFigures): SalesforceRecord {
    const f = AUDIT_RUN.fields;
    return {
        [f.handedToSales]: figures.handedToSales,
        [f.defectiveLeads]: figures.defective,
        [f.firstTouchLeads]: figures.firstTouchLeads,
        [f.firstTouchMedianHours]: figures.firstTouchMedianHours,
        [f.firstTouchP90Hours]: figures.firstTouchP90Hours
    };
}

const count = (v: unknown): number | null => {
    const n = fieldNumber(v);
    return n !== null && Number.isInteger(n) && n >= 0 ? n : null;
};
const hoursOf = (v: unknown): number | null => {
    const n = fieldNumber(v);
    return n !== null && n >= 0 ? n : null;
};

/** A run record (REST or GraphQL shape) as figures; null without a valid LL_Ran_At__c. */
export function auditRunFiguresFromRecord(record: unknown): AuditRunFigures | null {
    if (!record || typeof record !== 'object') return null;
    const r = record as SalesforceRecord;
    const f = AUDIT_RUN.fields;
    const ranAt = fieldValue(r[f.ranAt]);
    if (typeof ranAt !== 'string' || Number.isNaN(Date.parse(ranAt))) return null;
    const source = fieldValue(r[f.source]);
    const handedToSales = count(r[f.handedToSales]);
    const defective = count(r[f.defectiveLeads]);
    const firstTouchLeads = count(r[f.firstTouchLeads]);
    // A run from before the figures (or a hand-made one) shows as not audited, never as 0%.
    const figures =
        handedToSales === null ||
        defective === null ||
        firstTouchLeads === null ||
        defective > handedToSales
            ? null
            : {
                  handedToSales,
                  defective,
                  firstTouchLeads,
                  firstTouchMedianHours: hoursOf(r[f.firstTouchMedianHours]),
                  firstTouchP90Hours: hoursOf(r[f.firstTouchP90Hours])
              };
    return { ranAt, source: typeof source === 'string' ? source : null, figures };
}

/** The latest run from the funnel page's answer (its LL_Audit_Run__c connection), or null. */
export function latestAuditRunFromAnswer(data: unknown): AuditRunFigures | null {
    const connection = (data as { uiapi?: { query?: Record<string, unknown> } } | undefined)?.uiapi
        ?.query?.[AUDIT_RUN.objectApiName];
    return auditRunFiguresFromRecord(graphqlNodes(connection)[0]);
}
