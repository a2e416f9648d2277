import { LightningElement, wire } from 'lwc';
import { graphql } from 'lightning/graphql';
import { createRecord } from 'lightning/uiRecordApi';
import {
    APPLICABLE_FIX_KINDS,
    AUDIT_RUN,
    HYGIENE_CHECKS,
    auditLeads,
    auditRunFigures,
    auditRunRecord,
    closeStatusOf,
    graphqlNodes,
    hygieneSnapshotFromRecords,
    newFixRunId,
    parseSettings,
    planFix
} from 'c/leadLoopCore';
import { logOutcomes, nextTask, undoRun, writeChanges } from './fixWrites';
import {
    AUDIT_LIMIT,
    AUDIT_OBJECTS,
    AUDIT_PAGE_SIZE,
    AUDIT_QUERY,
    CURSOR_VARIABLE
} from './auditQuery';

const SETTINGS_OBJECT = 'LL_Settings__c';

/** How the preview names the Lead fields fixes write. */
const FIELD_LABELS = {
    OwnerId: 'Owner',
    Status: 'Status',
    LL_Duplicate_Of__c: 'Duplicate of',
    LL_Moved_On_Contact__c: 'Moved on to contact',
    LL_Moved_On_Opportunity__c: 'Moved on to opportunity'
};

function emptyByObject(make) {
    return Object.fromEntries(AUDIT_OBJECTS.map((object) => [object, make()]));
}

/**
 * App page for admins: reads every open lead and what the audit needs (a page of each
 * object at a time, with progress), audits them in the browser with the core's checks,
 * and shows the findings grouped by check (c-hygiene-check-list) and, for the chosen
 * check, the leads (c-hygiene-finding-table). The leads of a check are fixed in bulk: the
 * admin chooses how (c-hygiene-fix-panel), reads every change (c-hygiene-fix-preview),
 * applies it and reads the result per lead, with Undo (c-hygiene-fix-results). This
 * container reads and writes (through fixWrites.js); the children display and send events.
 */
export default class HygieneAudit extends LightningElement {
    auditQuery;
    auditVariables;
    running = false;
    errors;
    records;
    seen;
    totals;
    result;
    snapshot;
    settings;
    selectedCheckId = null;

    fixPlan;
    fixOutcomes;
    fixRun;
    undoOutcomes;
    fixing = false;
    fixErrors;
    fieldLabels = FIELD_LABELS;

    @wire(graphql, { query: '$auditQuery', variables: '$auditVariables' })
    wiredAudit(result) {
        if (!this.running || !this.auditVariables) {
            return;
        }
        if (result.errors) {
            this.errors = result.errors;
            this.stop();
            return;
        }
        const query = result.data?.uiapi?.query;
        if (query) {
            this.takePage(query);
        }
    }

    async takePage(query) {
        const next = { ...this.auditVariables };
        const totals = { ...this.totals };
        let more = false;
        for (const object of AUDIT_OBJECTS) {
            const connection = query[object];
            for (const node of graphqlNodes(connection)) {
                if (!this.seen[object].has(node.Id)) {
                    this.seen[object].add(node.Id);
                    this.records[object].push(node);
                }
            }
            if (typeof connection?.totalCount === 'number') {
                totals[object] = Math.min(connection.totalCount, AUDIT_LIMIT);
            }
            const pageInfo = connection?.pageInfo;
            if (pageInfo?.endCursor) {
                next[CURSOR_VARIABLE[object]] = pageInfo.endCursor;
                more =
                    more ||
                    (Boolean(pageInfo.hasNextPage) && this.records[object].length < AUDIT_LIMIT);
            }
        }
        this.totals = totals;
        // fields are reactive on assignment only: hand the template a new object
        this.records = { ...this.records };
        await nextTask();
        if (!this.running) {
            return;
        }
        if (more) {
            this.auditVariables = next;
            return;
        }
        this.finish();
    }

    get disabled() {
        return this.running;
    }

    get buttonLabel() {
        return this.result ? 'Run the audit again' : 'Run the audit';
    }

    handleRun() {
        this.errors = undefined;
        this.result = undefined;
        this.selectedCheckId = null;
        this.resetFix();
        this.records = emptyByObject(() => []);
        this.seen = emptyByObject(() => new Set());
        this.totals = emptyByObject(() => 0);
        this.running = true;
        this.auditQuery = AUDIT_QUERY;
        this.auditVariables = {
            ...Object.fromEntries(Object.values(CURSOR_VARIABLE).map((v) => [v, null])),
            pageSize: AUDIT_PAGE_SIZE,
            upperBound: AUDIT_LIMIT
        };
    }

    stop() {
        this.running = false;
        this.auditVariables = undefined;
        this.auditQuery = undefined;
    }

    async finish() {
        this.stop();
        try {
            this.settings = parseSettings(this.records[SETTINGS_OBJECT][0]).settings;
            this.snapshot = hygieneSnapshotFromRecords(this.records);
            const now = new Date();
            this.result = auditLeads(this.snapshot, this.settings, now);
            // Each run keeps its counts, so reports show findings over time, and the figures
            // the funnel page shows from the latest run (over the open leads read here).
            const figures = auditRunFigures(
                this.snapshot,
                this.result.findings,
                this.settings,
                now
            );
            await createRecord({
                apiName: AUDIT_RUN.objectApiName,
                fields: auditRunRecord(this.result, 'Audit page', figures)
            });
        } catch (error) {
            this.errors = error;
        }
    }

    // ---- progress ---------------------------------------------------------

    get recordsRead() {
        return this.records
            ? AUDIT_OBJECTS.reduce((sum, object) => sum + this.records[object].length, 0)
            : 0;
    }

    get recordsTotal() {
        return this.totals
            ? AUDIT_OBJECTS.reduce((sum, object) => sum + this.totals[object], 0)
            : 0;
    }

    get showProgress() {
        return this.running || Boolean(this.result);
    }

    // ---- findings ---------------------------------------------------------

    get hasResult() {
        return Boolean(this.result);
    }

    get summary() {
        const r = this.result;
        if (!r) {
            return '';
        }
        return `${r.leadsAudited} open leads audited: ${r.findings.length} findings on ${r.leadsWithFindings} leads.`;
    }

    /** Every check that ran, with its count (checks with findings first, in the core's order). */
    get checks() {
        const r = this.result;
        if (!r) {
            return [];
        }
        const rows = HYGIENE_CHECKS.filter((c) => r.checks.includes(c.id)).map((c) => ({
            id: c.id,
            title: c.title,
            severity: c.severity,
            explanation: c.explanation,
            count: r.countsByCheck[c.id] ?? 0,
            selected: c.id === this.selectedCheckId
        }));
        return [...rows.filter((c) => c.count > 0), ...rows.filter((c) => c.count === 0)];
    }

    get selectedCheck() {
        return this.checks.find((c) => c.id === this.selectedCheckId) ?? null;
    }

    get selectedFindings() {
        return this.result && this.selectedCheckId
            ? this.result.findings.filter((f) => f.checkId === this.selectedCheckId)
            : [];
    }

    handleSelectCheck(event) {
        this.selectedCheckId = event.detail.checkId;
        this.resetFix();
    }

    // ---- fixing the leads of a check ----------------------------------------

    resetFix() {
        this.fixPlan = undefined;
        this.fixOutcomes = undefined;
        this.fixRun = undefined;
        this.undoOutcomes = undefined;
        this.fixErrors = undefined;
    }

    /** The fix the check's findings suggest, when it is one that changes records. */
    get fixKind() {
        const kind = this.selectedFindings.map((f) => f.fix.kind)[0];
        return APPLICABLE_FIX_KINDS.includes(kind) ? kind : null;
    }

    get activeUsers() {
        return (this.snapshot?.users ?? []).filter((u) => u.isActive);
    }

    get queues() {
        return this.snapshot?.queues ?? [];
    }

    get findingLeads() {
        const seen = new Set();
        return this.selectedFindings
            .filter((f) => !seen.has(f.leadId) && seen.add(f.leadId))
            .map((f) => ({ id: f.leadId, name: f.leadName }));
    }

    get closeStatus() {
        return this.settings ? closeStatusOf(this.settings) : null;
    }

    /** Names of the records a fix may write into a lead (owners, masters, contacts). */
    get recordNames() {
        const s = this.snapshot;
        if (!s) {
            return {};
        }
        return Object.fromEntries(
            [...s.users, ...s.queues, ...s.contacts, ...s.opportunities, ...this.findingLeads].map(
                (r) => [r.id, r.name ?? [r.firstName, r.lastName].filter(Boolean).join(' ')]
            )
        );
    }

    get showPanel() {
        return Boolean(this.fixKind) && !this.fixPlan && !this.fixOutcomes;
    }

    get showPreview() {
        return Boolean(this.fixPlan) && !this.fixOutcomes;
    }

    /** Active reps with the open leads they own now (the cap counts them). */
    roundRobinReps() {
        const open = new Map();
        for (const lead of this.snapshot.leads) {
            open.set(lead.ownerId, (open.get(lead.ownerId) ?? 0) + 1);
        }
        return this.activeUsers.map((u) => ({
            id: u.id,
            name: u.name,
            openLeads: open.get(u.id) ?? 0
        }));
    }

    handlePreviewFix(event) {
        const { mode, toId, cap, masterId } = event.detail;
        this.fixErrors = undefined;
        let to = null;
        if (mode === 'user') {
            const user = this.activeUsers.find((u) => u.id === toId);
            to = user ? { ...user, kind: 'user' } : null;
        } else if (mode === 'queue') {
            const queue = this.queues.find((q) => q.id === toId);
            to = queue ? { id: queue.id, name: queue.name, kind: 'queue' } : null;
        }
        try {
            this.fixPlan = planFix(this.fixKind, this.selectedFindings, this.snapshot.leads, {
                settings: this.settings,
                to,
                roundRobin:
                    this.fixKind === 'reassign' && mode === 'round-robin'
                        ? { reps: this.roundRobinReps(), cap }
                        : null,
                masterId
            });
        } catch (error) {
            this.fixErrors = error;
        }
    }

    handleCancelFix() {
        this.fixPlan = undefined;
    }

    async handleApplyFix() {
        const plan = this.fixPlan;
        this.fixing = true;
        this.fixErrors = undefined;
        try {
            const now = new Date();
            const run = {
                runId: newFixRunId(now),
                checkId: this.selectedCheckId,
                appliedAt: now.toISOString()
            };
            const { outcomes, current } = await writeChanges(plan.changes);
            try {
                const log = await logOutcomes(run, outcomes);
                this.fixRun = { runId: run.runId, log, current };
            } finally {
                // Shown once logged (Undo needs the log); shown anyway when logging failed.
                this.fixOutcomes = outcomes;
            }
        } catch (error) {
            this.fixErrors = error;
        } finally {
            this.fixing = false;
        }
    }

    get canUndo() {
        return Boolean(this.fixRun) && !this.undoOutcomes;
    }

    get hasUndoOutcomes() {
        return Boolean(this.undoOutcomes);
    }

    async handleUndoFix() {
        const { runId, log, current } = this.fixRun;
        this.fixing = true;
        this.fixErrors = undefined;
        try {
            this.undoOutcomes = await undoRun(runId, log, current, new Date());
        } catch (error) {
            this.fixErrors = error;
        } finally {
            this.fixing = false;
        }
    }
}
