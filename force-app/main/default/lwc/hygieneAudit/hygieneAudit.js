import { LightningElement, wire } from 'lwc';
import { graphql } from 'lightning/graphql';
import {
    HYGIENE_CHECKS,
    auditLeads,
    graphqlNodes,
    hygieneSnapshotFromRecords,
    parseSettings
} from 'c/leadLoopCore';
import {
    AUDIT_LIMIT,
    AUDIT_OBJECTS,
    AUDIT_PAGE_SIZE,
    AUDIT_QUERY,
    CURSOR_VARIABLE
} from './auditQuery';

const SETTINGS_OBJECT = 'LL_Settings__c';

function emptyByObject(make) {
    return Object.fromEntries(AUDIT_OBJECTS.map((object) => [object, make()]));
}

/** Lets the browser paint and handle input between pages, so the page never freezes. */
function nextTask() {
    // eslint-disable-next-line @lwc/lwc/no-async-operation
    return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * App page for admins: reads every open lead and what the audit needs (a page of each
 * object at a time, with progress), audits them in the browser with the core's checks,
 * and shows the findings grouped by check (c-hygiene-check-list) and, for the chosen
 * check, the leads (c-hygiene-finding-table). This container reads; the children display.
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
    selectedCheckId = null;

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

    finish() {
        this.stop();
        try {
            const { settings } = parseSettings(this.records[SETTINGS_OBJECT][0]);
            const snapshot = hygieneSnapshotFromRecords(this.records);
            this.result = auditLeads(snapshot, settings, new Date());
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
    }
}
