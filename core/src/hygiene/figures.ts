/**
 * The figures an audit run keeps (handed to sales, those with a finding, speed to first
 * touch), computed by the metrics over the leads and activities the audit read and its
 * findings: the same accumulator as `leadloop report --audit`, not a second count.
 */
import { auditFigures, type AuditFigures } from '../metrics/auditFigures';
import { computeMetrics } from '../metrics/index';
import type { MetricFinding } from '../metrics/types';
import type { LeadLoopSettings } from '../types';
import type { HygieneSnapshot } from './types';

export function auditRunFigures(
    snapshot: Pick<HygieneSnapshot, 'leads' | 'tasks' | 'events'>,
    findings: readonly MetricFinding[],
    settings: LeadLoopSettings,
    now: Date
): AuditFigures {
    return auditFigures(
        computeMetrics(
            {
                leads: snapshot.leads,
                activities: [...snapshot.tasks, ...snapshot.events],
                findings
            },
            { settings, now }
        )
    );
}
