/**
 * Copies the leads of one org into another, idempotently: matched by
 * LL_Source_Id__c (the source lead's own LL_Source_Id__c, or its Id when it
 * has none), created when missing (upsert on the external id), updated only in
 * the fields that differ, left alone when equal. Owners are mapped by Username
 * (users) and DeveloperName (queues); an owner missing in the target is left
 * to the target's default (the running user).
 */
import { LEAD_FIELDS, SOURCE_ID_FIELD } from '../../core/src/index';
import {
    cond,
    soql,
    type Api,
    type DescribeField,
    type RecordFailure,
    type SObjectRecord
} from './api/index';

export interface SyncOptions {
    bulkThreshold?: number;
    dryRun?: boolean;
}

export interface SyncResult {
    read: number;
    created: number;
    updated: number;
    unchanged: number;
    failures: RecordFailure[];
    warnings: string[];
    dryRun: boolean;
}

/** Fields never copied: system-maintained, derived or cross-org ids handled separately. */
const SKIP = new Set([
    'Id',
    'OwnerId',
    'IsDeleted',
    'MasterRecordId',
    'Name',
    'IsConverted',
    'ConvertedDate',
    'ConvertedAccountId',
    'ConvertedContactId',
    'ConvertedOpportunityId',
    'LastActivityDate',
    'CreatedById',
    'LastModifiedById',
    'LastModifiedDate',
    'SystemModstamp',
    LEAD_FIELDS.previousOwnerId
]);

function comparable(v: unknown): string {
    if (v === null || v === undefined || v === '') return '';
    if (typeof v === 'string' && /^\d{4}-\d\d-\d\dT/.test(v)) {
        const t = Date.parse(v.replace(/(\+|-)(\d\d)(\d\d)$/, '$1$2:$3'));
        if (!Number.isNaN(t)) return new Date(t).toISOString();
    }
    if (typeof v === 'number') return String(Math.round(v * 1e6) / 1e6);
    return String(v);
}

async function ownerMap(
    api: Api
): Promise<{ byId: Map<string, string>; byKey: Map<string, string> }> {
    const byId = new Map<string, string>();
    const byKey = new Map<string, string>();
    for (const u of await api.query<{ Id: string; Username: string }>(
        soql({ select: ['Id', 'Username'], from: 'User' })
    )) {
        byId.set(u.Id.slice(0, 15), `user:${u.Username}`);
        byKey.set(`user:${u.Username}`, u.Id);
    }
    for (const g of await api.query<{ Id: string; DeveloperName: string }>(
        soql({
            select: ['Id', 'DeveloperName'],
            from: 'Group',
            where: [cond('Type', '=', 'Queue')]
        })
    )) {
        byId.set(g.Id.slice(0, 15), `queue:${g.DeveloperName}`);
        byKey.set(`queue:${g.DeveloperName}`, g.Id);
    }
    return { byId, byKey };
}

export async function syncLeads(from: Api, to: Api, opts: SyncOptions = {}): Promise<SyncResult> {
    const dryRun = opts.dryRun ?? false;
    const result: SyncResult = {
        read: 0,
        created: 0,
        updated: 0,
        unchanged: 0,
        failures: [],
        warnings: [],
        dryRun
    };
    const [fromDescribe, toDescribe] = [await from.describe('Lead'), await to.describe('Lead')];
    if (!toDescribe.fields.some((f) => f.name === SOURCE_ID_FIELD && f.externalId !== false)) {
        throw new Error(
            `The target org has no Lead.${SOURCE_ID_FIELD}: deploy the Lead Loop package there first.`
        );
    }
    const fromFields = new Set(fromDescribe.fields.map((f) => f.name));
    const targetField = new Map<string, DescribeField>(toDescribe.fields.map((f) => [f.name, f]));
    const copy = [...fromFields].filter((name) => {
        const t = targetField.get(name);
        const source = fromDescribe.fields.find((f) => f.name === name)!;
        return (
            t &&
            !SKIP.has(name) &&
            (t.createable || t.updateable) &&
            source.type !== 'address' &&
            source.type !== 'location' &&
            source.type !== 'reference'
        );
    });
    const missingInTarget = [...fromFields].filter(
        (n) => n.startsWith('LL_') && !targetField.has(n)
    );
    if (missingInTarget.length) {
        result.warnings.push(
            `The target org lacks ${missingInTarget.join(', ')}; those fields are not copied.`
        );
    }
    const selectFrom = ['Id', 'OwnerId', ...copy.filter((f) => f !== SOURCE_ID_FIELD)];
    if (fromFields.has(SOURCE_ID_FIELD)) selectFrom.push(SOURCE_ID_FIELD);
    const source = await from.query(soql({ select: selectFrom, from: 'Lead' }));
    result.read = source.length;
    const existing = await to.query(
        soql({
            select: ['Id', 'OwnerId', SOURCE_ID_FIELD, ...copy],
            from: 'Lead',
            where: [cond(SOURCE_ID_FIELD, '!=', null)]
        })
    );
    const existingBySource = new Map(existing.map((r) => [String(r[SOURCE_ID_FIELD]), r]));
    const fromOwners = await ownerMap(from);
    const toOwners = await ownerMap(to);
    let unmappedOwners = 0;

    const creates: SObjectRecord[] = [];
    const updates: SObjectRecord[] = [];
    for (const r of source) {
        const sourceId = String(r[SOURCE_ID_FIELD] ?? '') || String(r.Id);
        const ownerKey = fromOwners.byId.get(String(r.OwnerId ?? '').slice(0, 15));
        const ownerId = ownerKey ? toOwners.byKey.get(ownerKey) : undefined;
        if (!ownerId) unmappedOwners += 1;
        const current = existingBySource.get(sourceId);
        if (!current) {
            const rec: SObjectRecord = { [SOURCE_ID_FIELD]: sourceId };
            for (const f of copy) {
                if (f === SOURCE_ID_FIELD) continue;
                if (targetField.get(f)!.createable && r[f] !== null && r[f] !== undefined)
                    rec[f] = r[f];
            }
            if (ownerId) rec.OwnerId = ownerId;
            creates.push(rec);
            continue;
        }
        const diff: SObjectRecord = {};
        for (const f of copy) {
            if (f === SOURCE_ID_FIELD || !targetField.get(f)!.updateable) continue;
            if (comparable(r[f]) !== comparable(current[f])) diff[f] = r[f] ?? null;
        }
        if (ownerId && ownerId.slice(0, 15) !== String(current.OwnerId).slice(0, 15)) {
            diff.OwnerId = ownerId;
        }
        if (Object.keys(diff).length) updates.push({ Id: current.Id, ...diff });
        else result.unchanged += 1;
    }
    if (unmappedOwners) {
        result.warnings.push(
            `${unmappedOwners} lead owner(s) have no user/queue with the same Username/DeveloperName in the target; the target's default owner is used for new leads.`
        );
    }
    if (dryRun) {
        result.created = creates.length;
        result.updated = updates.length;
        return result;
    }
    const bulkThreshold = opts.bulkThreshold ?? 2000;
    const created = await to.write('Lead', creates, 'upsert', {
        bulkThreshold,
        externalIdField: SOURCE_ID_FIELD
    });
    result.created = created.created + created.updated;
    for (const f of created.failures) {
        result.failures.push({
            object: 'Lead',
            sourceId: String(creates[f.index][SOURCE_ID_FIELD]),
            id: null,
            errorCode: f.errorCode,
            message: f.message
        });
    }
    const updated = await to.write('Lead', updates, 'update', { bulkThreshold });
    result.updated = updated.updated + updated.created;
    for (const f of updated.failures) {
        result.failures.push({
            object: 'Lead',
            sourceId: null,
            id: String(updates[f.index].Id),
            errorCode: f.errorCode,
            message: f.message
        });
    }
    return result;
}
