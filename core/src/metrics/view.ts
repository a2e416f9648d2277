/**
 * What the funnel page and the summary component show, from finished metrics:
 * the six stages as bar geometry with the leak at each stage, and the key
 * numbers with their report (by DeveloperName, in reports/LL_Lead_Loop).
 */
import type { AuditRunFigures } from './auditFigures';
import { ratio } from './finish';
import type { LeadLoopMetrics, LeakKind, Ratio } from './types';

/** The reports the numbers open (DeveloperName in the LL_Lead_Loop folder). */
export const METRIC_REPORTS = {
    funnel: 'LL_Lead_Funnel_By_Status',
    followUp: 'LL_Follow_Up_Never_Touched',
    speed: 'LL_Speed_To_First_Touch',
    qualifiedUntouched: 'LL_Qualified_Untouched',
    handback: 'LL_Handback_Reasons',
    conversionBySource: 'LL_Conversion_By_Source',
    /** Audit runs over time: each run's handed to sales, defects and first-touch figures. */
    defects: 'LL_Process_Defects'
} as const;

/** Where the figures only an audit computes come from when the page has none. */
export const RUN_AUDIT_HINT = 'Run the hygiene audit (Hygiene Audit tab or leadloop audit)';

export const LEAK_LABELS: Readonly<Record<LeakKind, string>> = {
    disqualified: 'Disqualified',
    dead: 'Dead',
    lost: 'Lost',
    inProgress: 'In progress'
};

export interface FunnelBar {
    stage: string;
    label: string;
    reached: number;
    /** Share of generated leads that reached the stage (0–1). */
    share: number;
    /** Bar and leak widths in percent of the chart (the widest bar is 100). */
    barPercent: number;
    leakPercent: number;
    leak: number;
    leakText: string;
    conversionText: string;
}

const percentText = (rate: number | null): string =>
    rate === null ? '—' : `${(rate * 100).toFixed(rate < 0.1 && rate > 0 ? 1 : 0)}%`;

export const ratioText = (r: Ratio): string => percentText(r.rate);

/** The six stages, each with what leaked out of it and why. */
export function funnelBars(metrics: LeadLoopMetrics): FunnelBar[] {
    const top = metrics.funnel[0]?.reached ?? 0;
    return metrics.funnel.map((s) => {
        const kinds = (Object.keys(LEAK_LABELS) as LeakKind[])
            .filter((k) => s.leak[k] > 0)
            .map((k) => `${s.leak[k]} ${LEAK_LABELS[k].toLowerCase()}`);
        return {
            stage: s.stage,
            label: s.label,
            reached: s.reached,
            share: top ? s.reached / top : 0,
            barPercent: top ? (100 * s.reached) / top : 0,
            leakPercent: top ? (100 * s.leak.total) / top : 0,
            leak: s.leak.total,
            leakText: s.leak.total ? `${s.leak.total} stopped here (${kinds.join(', ')})` : '',
            conversionText:
                s.conversionToNext === null ? '' : `${percentText(s.conversionToNext)} go on`
        };
    });
}

export interface SummaryNumber {
    key: string;
    label: string;
    value: string;
    detail: string;
    /** 0–1 for the small chart; null when there is nothing to draw. */
    fraction: number | null;
    /** True when a lower value is better (the chart is drawn as a warning). */
    lowerIsBetter: boolean;
    report: string | null;
}

const hours = (h: number | null): string =>
    h === null ? '—' : h < 48 ? `${h.toFixed(1)} h` : `${(h / 24).toFixed(1)} days`;

/** "as of Nov 24, 2026" (UTC: the same date for every viewer). */
export const asOfText = (iso: string): string =>
    `as of ${new Date(iso).toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' })}`;

/** A defect rate as a production line states it: parts per million (rounded). */
const ppmOf = (r: Ratio): number | null =>
    r.rate === null ? null : Math.round(r.rate * 1_000_000);

/**
 * Speed to first touch and process defects: from the metrics when they were computed per
 * lead with the audit (the CLI), else from the latest audit run's figures (the page: its
 * aggregates cannot give percentiles or per-lead findings), else "—" with the hint.
 */
function auditedNumbers(m: LeadLoopMetrics, run: AuditRunFigures | null) {
    const figures = run?.figures ?? null;
    const asOf = figures && run ? `, ${asOfText(run.ranAt)}` : '';
    const perLead = m.speedToFirstTouch.leads > 0;
    const speed = perLead
        ? { ...m.speedToFirstTouch, asOf: '' }
        : figures
          ? {
                leads: figures.firstTouchLeads,
                medianHours: figures.firstTouchMedianHours,
                p90Hours: figures.firstTouchP90Hours,
                asOf
            }
          : null;
    const defects = m.processDefects.audited
        ? { defective: m.processDefects.defective, asOf: '' }
        : figures
          ? { defective: ratio(figures.defective, figures.handedToSales), asOf }
          : null;
    return { speed, defects };
}

/** The key numbers, each with its report; `latestRun` supplies what only an audit computes. */
export function summaryNumbers(
    m: LeadLoopMetrics,
    latestRun: AuditRunFigures | null = null
): SummaryNumber[] {
    const { speed, defects } = auditedNumbers(m, latestRun);
    const ofRatio = (r: Ratio, what: string) => `${r.count} of ${r.of} ${what}`;
    return [
        {
            key: 'followUp',
            label: 'Follow-up rate',
            value: ratioText(m.followUp.touched),
            detail: ofRatio(m.followUp.touched, 'leads touched'),
            fraction: m.followUp.touched.rate,
            lowerIsBetter: false,
            report: METRIC_REPORTS.followUp
        },
        {
            key: 'speed',
            label: 'Speed to first touch (median)',
            value: hours(speed?.medianHours ?? null),
            detail: speed
                ? speed.leads
                    ? `90th percentile ${hours(speed.p90Hours)}, over ${speed.leads} leads${speed.asOf}`
                    : `No lead with a known first touch${speed.asOf}`
                : RUN_AUDIT_HINT,
            fraction: null,
            lowerIsBetter: true,
            report: METRIC_REPORTS.speed
        },
        {
            key: 'qualifiedUntouched',
            label: 'Qualified, never touched',
            value: ratioText(m.qualifiedUntouched),
            detail: ofRatio(m.qualifiedUntouched, 'qualified leads'),
            fraction: m.qualifiedUntouched.rate,
            lowerIsBetter: true,
            report: METRIC_REPORTS.qualifiedUntouched
        },
        {
            key: 'handback',
            label: 'Hand-back rate',
            value: ratioText(m.handback.ofHandedToSales),
            detail: ofRatio(m.handback.ofHandedToSales, 'handed to sales came back'),
            fraction: m.handback.ofHandedToSales.rate,
            lowerIsBetter: true,
            report: METRIC_REPORTS.handback
        },
        {
            key: 'defects',
            label: 'Process defect rate',
            value: defects ? ratioText(defects.defective) : '—',
            detail: defects
                ? `${(ppmOf(defects.defective) ?? 0).toLocaleString('en-US')} defects per million handed to sales (${defects.defective.count} of ${defects.defective.of})${defects.asOf}`
                : RUN_AUDIT_HINT,
            fraction: defects ? defects.defective.rate : null,
            lowerIsBetter: true,
            report: METRIC_REPORTS.defects
        }
    ];
}
