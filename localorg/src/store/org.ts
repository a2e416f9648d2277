/**
 * The local org's database: SQLite (better-sqlite3) on disk under a data
 * directory, one table per object, the schema built from the standard objects
 * plus force-app metadata on every start. Emulates the platform automation
 * Lead Loop relies on: Lead.LastActivityDate follows Tasks and Events, and the
 * package's LL_Lead_Status_Changed flow stamps LL_Status_Changed_At__c.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LEAD_FIELDS, NURTURE_QUEUE_DEVELOPER_NAME } from '../../../core/src/index';
import { addCustomObjects, buildObjectInfos, SCHEMA_DIR } from './objectInfos';
import { isoNow } from './clock';
import { SqliteSource } from './sqliteSource';
import type { ObjectInfo, RecordValues } from './source';
import {
    readPackageMetadata,
    readReports,
    readSourceDirObjects
} from '../../../metadata/src/index';
import { IdleCheckpoint } from './idleCheckpoint';
import { SchemaRegistry } from './schemaRegistry';
import { READ_ONLY_PROFILE_ID } from './access';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * The org's Lead Status values (the package maps to them through LL_Settings__c): the demo's
 * own values first, then the four every new Salesforce org ships with, which the package's
 * default settings name (so a lead returned without a settings record can be reopened).
 */
export const LEAD_STATUSES = [
    { ApiName: 'New', MasterLabel: 'New', IsConverted: false, IsDefault: true, SortOrder: 1 },
    {
        ApiName: 'Working',
        MasterLabel: 'Working',
        IsConverted: false,
        IsDefault: false,
        SortOrder: 2
    },
    {
        ApiName: 'Qualified',
        MasterLabel: 'Qualified',
        IsConverted: false,
        IsDefault: false,
        SortOrder: 3
    },
    {
        ApiName: 'Nurturing',
        MasterLabel: 'Nurturing',
        IsConverted: false,
        IsDefault: false,
        SortOrder: 4
    },
    {
        ApiName: 'Unqualified',
        MasterLabel: 'Unqualified',
        IsConverted: false,
        IsDefault: false,
        SortOrder: 5
    },
    {
        ApiName: 'Converted',
        MasterLabel: 'Converted',
        IsConverted: true,
        IsDefault: false,
        SortOrder: 6
    },
    {
        ApiName: 'Open - Not Contacted',
        MasterLabel: 'Open - Not Contacted',
        IsConverted: false,
        IsDefault: false,
        SortOrder: 7
    },
    {
        ApiName: 'Working - Contacted',
        MasterLabel: 'Working - Contacted',
        IsConverted: false,
        IsDefault: false,
        SortOrder: 8
    },
    {
        ApiName: 'Closed - Converted',
        MasterLabel: 'Closed - Converted',
        IsConverted: true,
        IsDefault: false,
        SortOrder: 9
    },
    {
        ApiName: 'Closed - Not Converted',
        MasterLabel: 'Closed - Not Converted',
        IsConverted: false,
        IsDefault: false,
        SortOrder: 10
    }
];

export const ADMIN_USERNAME = 'admin@leadloop.local';

export interface OrgDatabase {
    store: SqliteSource;
    db: Database.Database;
    /** The custom schema the database remembers (key prefixes, deployed objects). */
    schema: SchemaRegistry;
    adminUserId: string;
    organizationId: string;
    /** Requests and Bulk jobs mark themselves here; the log is checkpointed between them. */
    idle: IdleCheckpoint;
    close(): void;
}

/**
 * An object's auto-number fields (CaseNumber, an auto-number Name), each with a function giving
 * the next number, counted from the rows already there (deleted ones included). Looked up on
 * every create, so fields a deploy adds are numbered too.
 */
function autoNumberFields(db: Database.Database): (info: ObjectInfo) => [string, () => string][] {
    const counts = new Map<string, Database.Statement>();
    const next = (object: string) => {
        let count = counts.get(object);
        // The name comes from the schema (checked when its table was created).
        if (!count)
            counts.set(object, (count = db.prepare(`SELECT COUNT(*) AS n FROM "${object}"`)));
        return String((count.get() as { n: number }).n + 1).padStart(8, '0');
    };
    // Worked out once per object description (a deploy makes a new one), not on every create.
    const byInfo = new WeakMap<ObjectInfo, [string, () => string][]>();
    return (info) => {
        let fields = byInfo.get(info);
        if (!fields) {
            fields = Object.values(info.fields)
                .filter((f) => f.autoNumber)
                .map((f) => [f.name, () => next(info.name)]);
            byInfo.set(info, fields);
        }
        return fields;
    };
}

function one(
    store: SqliteSource,
    object: string,
    field: string,
    value: unknown
): RecordValues | undefined {
    return store.find(object, {
        fields: ['Id'],
        where: { field, op: 'eq', value },
        limit: 1,
        offset: 0
    }).records[0];
}

/**
 * Opens (or creates) the org database in `dataDir` (':memory:' for none). The schema is the
 * standard one, force-app's objects, those of `sourceDirs` (SFDX source folders), then the
 * objects deployed into this database earlier.
 */
export function openOrgDatabase(
    dataDir: string | ':memory:',
    projectRoot = PROJECT_ROOT,
    sourceDirs: string[] = []
): OrgDatabase {
    let file = ':memory:';
    if (dataDir !== ':memory:') {
        mkdirSync(dataDir, { recursive: true });
        file = path.join(dataDir, 'org.sqlite');
    }
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // The write-ahead log is copied into the database when the org is idle (IdleCheckpoint);
    // SQLite's own checkpoint, inside the commit that fills the log, only once it has 50,000
    // pages (200 MB), the ceiling during a long write, not SQLite's 1,000: a Bulk job commits
    // every few hundred rows, and a checkpoint every few commits cost more than the rows.
    db.pragma('wal_autocheckpoint = 50000');
    const idle = new IdleCheckpoint(db);
    const meta = readPackageMetadata(projectRoot);
    const schema = new SchemaRegistry(db);
    const infos = buildObjectInfos(meta, LEAD_STATUSES, SCHEMA_DIR, schema.keyPrefix);
    for (const dir of sourceDirs)
        addCustomObjects(infos, readSourceDirObjects(dir), schema.keyPrefix);
    addCustomObjects(infos, schema.deployedObjects(), schema.keyPrefix);
    const store = new SqliteSource(db, [...infos.values()]);

    // Base records that every org has: the organization, an admin, the statuses, the package's queue.
    const organizationId =
        (one(store, 'Organization', 'Name', 'Lead Loop Local Org')?.Id as string) ??
        store.create('Organization', { Name: 'Lead Loop Local Org' });
    // Read-only organization facts (not settable through the API, so written directly).
    db.prepare(
        `UPDATE "Organization" SET "InstanceName" = 'LOCAL', "IsSandbox" = 0,
         "OrganizationType" = 'Developer Edition' WHERE "Id" = ? AND "InstanceName" IS NULL`
    ).run(organizationId);
    // The standard Read Only profile, at the fixed id the edit-access check knows (access.ts);
    // profile ids are the org's own, so the row's id is set directly.
    if (!one(store, 'Profile', 'Id', READ_ONLY_PROFILE_ID)) {
        const created = store.create('Profile', { Name: 'Read Only' });
        db.prepare(`UPDATE "Profile" SET "Id" = ? WHERE "Id" = ?`).run(
            READ_ONLY_PROFILE_ID,
            created
        );
    }
    const adminUserId =
        (one(store, 'User', 'Username', ADMIN_USERNAME)?.Id as string) ??
        store.create('User', {
            FirstName: 'Ada',
            LastName: 'Admin',
            Username: ADMIN_USERNAME,
            Email: ADMIN_USERNAME,
            Title: 'System Administrator',
            IsActive: true
        });
    store.defaultActorId = adminUserId;
    for (const status of LEAD_STATUSES) {
        if (!one(store, 'LeadStatus', 'ApiName', status.ApiName))
            store.create('LeadStatus', status);
    }
    for (const queue of meta.queues.values()) {
        if (!one(store, 'Group', 'DeveloperName', queue.developerName)) {
            store.create('Group', {
                Name: queue.name,
                DeveloperName: queue.developerName,
                Type: 'Queue'
            });
        }
    }
    void NURTURE_QUEUE_DEVELOPER_NAME;
    // The package's reports as Report records (read-only fields, so written directly),
    // refreshed from the metadata on every start; an Id stays with its DeveloperName.
    const setReport = db.prepare(
        `UPDATE "Report" SET "Name" = ?, "DeveloperName" = ?, "FolderName" = ?, "Format" = ?,
         "Description" = ? WHERE "Id" = ?`
    );
    for (const r of readReports(meta.root)) {
        const id =
            (one(store, 'Report', 'DeveloperName', r.developerName)?.Id as string) ??
            store.create('Report', {});
        setReport.run(r.name, r.developerName, r.folder, r.format, r.description, id);
    }

    const lastActivity = db.prepare(
        `SELECT MAX(d) AS d FROM (SELECT "ActivityDate" AS d FROM "Task" WHERE "WhoId" = ? AND "IsDeleted" = 0 UNION ALL SELECT "ActivityDate" AS d FROM "Event" WHERE "WhoId" = ? AND "IsDeleted" = 0)`
    );
    const setLastActivity = db.prepare(`UPDATE "Lead" SET "LastActivityDate" = ? WHERE "Id" = ?`);
    const autoNumbered = autoNumberFields(db);
    const touchLeadActivity = (after: RecordValues | null, before: RecordValues | null) => {
        const whoIds = new Set(
            [after?.WhoId, before?.WhoId].filter(
                (w): w is string => typeof w === 'string' && w.startsWith('00Q')
            )
        );
        for (const who of whoIds) {
            const row = lastActivity.get(who, who) as { d: string | null };
            setLastActivity.run(row.d, who);
        }
    };
    store.hooks = {
        beforeWrite(object, values, current) {
            if (!current)
                for (const [field, next] of autoNumbered(store.objectInfo(object)!))
                    values[field] = next();
            if (object === 'Opportunity' && typeof values.StageName === 'string') {
                // The stage's closed and won flags (the standard stages' OpportunityStage rows).
                values.IsClosed = values.StageName.startsWith('Closed');
                values.IsWon = values.StageName === 'Closed Won';
            }
            if (object === 'Opportunity' && current) {
                // When the stage last changed, and how often the close date moved to a later month.
                if (values.StageName !== undefined && values.StageName !== current.StageName)
                    values.LastStageChangeDate = isoNow();
                const close = values.CloseDate;
                const before = current.CloseDate;
                if (
                    typeof close === 'string' &&
                    typeof before === 'string' &&
                    close.slice(0, 7) > before.slice(0, 7)
                )
                    values.PushCount = Number(current.PushCount ?? 0) + 1;
            }
            if (object === 'CampaignMember') {
                // The member's contact, else its lead (read-only, kept by the platform).
                const contact =
                    values.ContactId !== undefined ? values.ContactId : current?.ContactId;
                const lead = values.LeadId !== undefined ? values.LeadId : current?.LeadId;
                values.LeadOrContactId = contact ?? lead ?? null;
            }
            if (object === 'Case' && typeof values.Status === 'string') {
                values.IsClosed = values.Status === 'Closed';
                if (values.IsClosed && !current?.IsClosed) values.ClosedDate = isoNow();
            }
            if (object === 'Lead') {
                if (!current && !values.Status) {
                    values.Status = LEAD_STATUSES.find((s) => s.IsDefault)!.ApiName;
                }
                // The package's before-save flow (LL_Lead_Status_Changed).
                const stamp = LEAD_FIELDS.statusChangedAt;
                const statusChanged =
                    current && values.Status !== undefined && values.Status !== current.Status;
                if ((!current && !values[stamp]) || statusChanged) {
                    values[stamp] = isoNow();
                }
            }
            if (object === 'Task' && values.Status !== undefined) {
                values.IsClosed = values.Status === 'Completed';
            }
            if (
                object === 'Event' &&
                !values.ActivityDate &&
                typeof values.StartDateTime === 'string'
            ) {
                values.ActivityDate = values.StartDateTime.slice(0, 10);
            }
        },
        // Lead.LastActivityDate follows the Tasks and Events of the lead.
        afterWrite: { Task: touchLeadActivity, Event: touchLeadActivity }
    };
    return {
        store,
        db,
        schema,
        adminUserId,
        organizationId,
        idle,
        close: () => {
            idle.stop();
            db.close();
        }
    };
}
