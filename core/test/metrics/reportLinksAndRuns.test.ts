/**
 * Report links (stored as LL_Report_Link__c, planned from the org's Report rows) and the
 * latest audit run's figures as the funnel page reads them and shows them.
 */
import { describe, expect, it } from 'vitest';
import {
    auditFigures,
    auditFiguresFields,
    auditRunFiguresFromRecord,
    computeMetrics,
    DEFAULT_SETTINGS,
    latestAuditRunFromAnswer,
    LINKED_REPORTS,
    METRIC_REPORTS,
    planReportLinks,
    reportIdsFromLinks,
    reportLinkRecord,
    reportPageReference,
    RUN_AUDIT_HINT,
    summaryNumbers
} from '../../src/index';

const ID = (n: number) => `00O00000000000${n}AAA`;
const link = (name: string, id: unknown) => ({
    Id: 'a0R000000000001AAA',
    LL_Report_Developer_Name__c: { value: name },
    LL_Report_Id__c: { value: id }
});
const answer = (object: string, nodes: unknown[]) => ({
    uiapi: { query: { [object]: { edges: nodes.map((node) => ({ node })) } } }
});

describe('report links', () => {
    it('links every number that has a report, the defect rate to the audit runs report', () => {
        expect(LINKED_REPORTS).toContain(METRIC_REPORTS.defects);
        expect(METRIC_REPORTS.defects).toBe('LL_Process_Defects');
    });

    it('plans a create, an update, an unchanged link and a report the org lacks', () => {
        const [a, b, c, d] = LINKED_REPORTS;
        const reports = [
            { Id: ID(1), DeveloperName: a },
            { Id: ID(2), DeveloperName: b },
            { Id: ID(3), DeveloperName: c }
        ];
        const links = [
            { LL_Report_Developer_Name__c: b, LL_Report_Id__c: ID(9) },
            { LL_Report_Developer_Name__c: c, LL_Report_Id__c: ID(3) }
        ];
        const plan = planReportLinks(reports, links);
        expect(plan.map((p) => p.developerName)).toEqual([...LINKED_REPORTS]);
        expect(plan.slice(0, 4).map((p) => [p.action, p.reportId, p.linkedId])).toEqual([
            ['create', ID(1), null],
            ['update', ID(2), ID(9)],
            ['unchanged', ID(3), ID(3)],
            ['missing', null, null]
        ]);
        expect(reportLinkRecord(plan[0])).toEqual({
            Name: a,
            LL_Report_Developer_Name__c: a,
            LL_Report_Id__c: ID(1)
        });
        expect(() => reportLinkRecord(plan[3])).toThrow(`The report ${d} is not in the org`);
    });

    it('reads stored links, and never turns a value that is not a report id into a link', () => {
        const ids = reportIdsFromLinks(
            answer('LL_Report_Link__c', [
                link('LL_Handback_Reasons', ID(2)),
                link('LL_Follow_Up_Never_Touched', 'javascript:alert(1)'),
                link('LL_Qualified_Untouched', '001000000000001AAA')
            ])
        );
        expect(ids).toEqual({ LL_Handback_Reasons: ID(2) });
        expect(reportPageReference('LL_Handback_Reasons', ids).attributes.recordId).toBe(ID(2));
        expect(reportPageReference('LL_Qualified_Untouched', ids)).toEqual({
            type: 'standard__objectPage',
            attributes: { objectApiName: 'Report', actionName: 'home' },
            state: { c__report: 'LL_Qualified_Untouched' }
        });
        expect(reportIdsFromLinks(undefined)).toEqual({});
    });
});

const now = new Date('2026-11-24T10:00:00.000Z');
const lead = (id: string, ownerId: string, createdDate: string) =>
    ({ id, ownerId, createdDate, status: 'Working', isConverted: false }) as never;
const REP = '005000000000001AAA';

describe('audit-run figures', () => {
    // Three leads with reps (handed to sales), two touched after 10 and 30 hours.
    const leads = [
        lead('00Q000000000001AAA', REP, '2026-11-20T00:00:00.000Z'),
        lead('00Q000000000002AAA', REP, '2026-11-20T00:00:00.000Z'),
        lead('00Q000000000003AAA', REP, '2026-11-20T00:00:00.000Z')
    ];
    const task = (whoId: string, at: string) => ({
        id: `00T${whoId.slice(3)}`,
        kind: 'Task' as const,
        whoId,
        ownerId: REP,
        subject: 'Call',
        activityDate: at.slice(0, 10),
        status: 'Completed',
        isClosed: true,
        completedDateTime: at,
        createdDate: at
    });
    const activities = [
        task('00Q000000000001AAA', '2026-11-20T10:00:00.000Z'),
        task('00Q000000000002AAA', '2026-11-21T06:00:00.000Z')
    ];
    const findings = [{ leadId: '00Q000000000003AAA', checkId: 'x', severity: 'high' }];
    const metrics = computeMetrics(
        { leads, activities, findings },
        { settings: DEFAULT_SETTINGS, now }
    );

    it('are the metrics’ defects and speed to first touch, hours to two decimals', () => {
        const figures = auditFigures(metrics);
        expect(figures).toEqual({
            handedToSales: 3,
            defective: 1,
            firstTouchLeads: 2,
            firstTouchMedianHours: 20,
            firstTouchP90Hours: 28
        });
        expect(auditFiguresFields(figures)).toEqual({
            LL_Handed_To_Sales__c: 3,
            LL_Defective_Leads__c: 1,
            LL_First_Touch_Leads__c: 2,
            LL_First_Touch_Median_Hours__c: 20,
            LL_First_Touch_P90_Hours__c: 28
        });
        const notAudited = computeMetrics({ leads }, { settings: DEFAULT_SETTINGS, now });
        expect(() => auditFigures(notAudited)).toThrow(/with the audit’s findings/);
    });

    it('read back from the latest run and shown as of its date, linking to their reports', () => {
        const run = latestAuditRunFromAnswer(
            answer('LL_Audit_Run__c', [
                {
                    Id: 'a0A000000000001AAA',
                    LL_Ran_At__c: { value: '2026-11-23T06:00:00.000Z' },
                    LL_Source__c: { value: 'CLI' },
                    ...Object.fromEntries(
                        Object.entries(auditFiguresFields(auditFigures(metrics))).map(([k, v]) => [
                            k,
                            { value: v }
                        ])
                    )
                }
            ])
        );
        expect(run).toEqual({
            ranAt: '2026-11-23T06:00:00.000Z',
            source: 'CLI',
            figures: auditFigures(metrics)
        });
        // The page's aggregates have no per-lead times or findings: the run supplies them.
        const page = computeMetrics({ leads }, { settings: DEFAULT_SETTINGS, now });
        const byKey = Object.fromEntries(summaryNumbers(page, run).map((n) => [n.key, n]));
        expect(byKey.speed).toMatchObject({
            value: '20.0 h',
            detail: '90th percentile 28.0 h, over 2 leads, as of Nov 23, 2026',
            report: 'LL_Speed_To_First_Touch'
        });
        expect(byKey.defects).toMatchObject({
            value: '33%',
            detail: '333,333 defects per million handed to sales (1 of 3), as of Nov 23, 2026',
            fraction: 1 / 3,
            report: 'LL_Process_Defects'
        });
        const none = Object.fromEntries(summaryNumbers(page, null).map((n) => [n.key, n]));
        expect([none.speed.value, none.speed.detail]).toEqual(['—', RUN_AUDIT_HINT]);
        expect([none.defects.value, none.defects.detail]).toEqual(['—', RUN_AUDIT_HINT]);
    });

    it('treat a run without figures (or with impossible ones) as not audited', () => {
        const base = { LL_Ran_At__c: '2026-11-23T06:00:00.000Z' };
        expect(auditRunFiguresFromRecord(base)?.figures).toBeNull();
        expect(
            auditRunFiguresFromRecord({
                ...base,
                LL_Handed_To_Sales__c: 2,
                LL_Defective_Leads__c: 5,
                LL_First_Touch_Leads__c: 0
            })?.figures
        ).toBeNull();
        expect(auditRunFiguresFromRecord({ LL_Ran_At__c: 'yesterday' })).toBeNull();
        expect(latestAuditRunFromAnswer(answer('LL_Audit_Run__c', []))).toBeNull();
    });
});
