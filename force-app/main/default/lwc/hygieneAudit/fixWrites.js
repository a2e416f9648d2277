import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import {
    CHANGED_SINCE_PREVIEW,
    FIX_LOG,
    fixLogRecords,
    fixLogUndoneRecord,
    planFixUndo,
    reduceErrors
} from 'c/leadLoopCore';

/** Lets the browser paint and handle input between records and pages. */
export function nextTask() {
    // eslint-disable-next-line @lwc/lwc/no-async-operation
    return new Promise((resolve) => setTimeout(resolve, 0));
}

const text = (v) => (v === null || v === undefined || v === '' ? null : String(v));

/** The lead as the save returned it: what undo compares against. */
function currentFrom(change, record) {
    const values = {};
    for (const { field } of change.changes) {
        values[field] = text(record?.fields?.[field]?.value);
    }
    return {
        id: change.leadId,
        name: change.leadName,
        lastModifiedDate: record?.lastModifiedDate ?? null,
        values
    };
}

/**
 * Writes each change to its lead only if the lead was not modified since it was read
 * (`ifUnmodifiedSince`), one record at a time so one failure never stops the others. A lead
 * changed by someone else is skipped with that reason; any other refusal (no edit access,
 * validation) is the platform's message for that record.
 */
export async function writeChanges(changes) {
    const outcomes = [];
    const current = [];
    for (const change of changes) {
        const fields = { Id: change.leadId };
        for (const c of change.changes) {
            fields[c.field] = c.to;
        }
        try {
            // eslint-disable-next-line no-await-in-loop
            const record = await updateRecord(
                { fields },
                { ifUnmodifiedSince: change.lastModifiedDate }
            );
            const now = currentFrom(change, record);
            current.push(now);
            outcomes.push({ change, status: 'Applied', leadModifiedAt: now.lastModifiedDate });
        } catch (error) {
            const changed = error?.status === 412;
            outcomes.push({
                change,
                status: changed ? 'Skipped' : 'Failed',
                message: changed ? CHANGED_SINCE_PREVIEW : reduceErrors(error).join(' ')
            });
        }
        // eslint-disable-next-line no-await-in-loop
        await nextTask();
    }
    return { outcomes, current };
}

/** Logs every outcome as LL_Fix_Log__c rows; returns them as undo reads them (with their ids). */
export async function logOutcomes(run, outcomes) {
    const rows = fixLogRecords(run, outcomes);
    const f = FIX_LOG.fields;
    const entries = [];
    for (const fields of rows) {
        // eslint-disable-next-line no-await-in-loop
        const created = await createRecord({ apiName: FIX_LOG.objectApiName, fields });
        entries.push({
            id: created.id,
            runId: fields[f.runId],
            checkId: fields[f.checkId],
            kind: fields[f.fixKind],
            leadId: fields[f.leadId],
            field: fields[f.field],
            oldValue: fields[f.oldValue],
            newValue: fields[f.newValue],
            leadModifiedAt: fields[f.leadModifiedAt],
            status: fields[f.status],
            undoneAt: null
        });
    }
    return entries;
}

/**
 * Undoes one run from its log: the core plans the way back (refusing leads changed since
 * the fix), the writes are conditional like the fix's, and each log row is marked Undone
 * or says why it was left.
 */
export async function undoRun(runId, log, current, now) {
    const plan = planFixUndo(runId, log, current);
    const { outcomes } = await writeChanges(plan.changes);
    const undoneAt = now.toISOString();
    const marks = [
        ...outcomes.flatMap(({ change, status, message }) =>
            change.logIds.map((id) =>
                fixLogUndoneRecord(id, undoneAt, status === 'Applied' ? null : message)
            )
        ),
        ...plan.refused.flatMap((r) =>
            r.logIds.map((id) => fixLogUndoneRecord(id, undoneAt, r.reason))
        )
    ];
    for (const fields of marks) {
        // eslint-disable-next-line no-await-in-loop
        await updateRecord({ fields });
    }
    return [
        ...outcomes,
        ...plan.refused.map((r) => ({
            change: { leadId: r.leadId, leadName: r.leadName, changes: [] },
            status: 'Skipped',
            message: r.reason
        }))
    ];
}
