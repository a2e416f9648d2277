/**
 * Plain better-sqlite3 doing the local org's work in the bench's own process, the floor the
 * local org builds on, each measured two ways and both reported:
 *   - the issue's baseline, a minimal table: 7 columns, the primary key and one unique index;
 *   - the same schema as the org's: a copy of the org's own Lead (and User) table, its columns
 *     and indexes, read from the org's database, with the columns the org sets on a lead.
 * The same leads are inserted in one transaction, and the same 5,000 leads read with their
 * owners' fields through one SELECT with a LEFT JOIN.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { median } from './orgProcess';

export interface BenchLead {
    LastName: string;
    Company: string;
    Email: string;
    Status: string;
    LL_Source_Id__c: string;
    OwnerId?: string;
}

const MINIMAL_LEAD =
    'CREATE TABLE "Lead" ("Id" TEXT PRIMARY KEY, "LastName" TEXT, "Company" TEXT, "Email" TEXT, "Status" TEXT, "OwnerId" TEXT, "LL_Source_Id__c" TEXT UNIQUE)';

/** An object's table as the org's database defines it: CREATE TABLE and CREATE INDEX texts. */
interface TableSchema {
    table: string;
    indexes: string[];
}

export class SqliteBaseline {
    private readonly db: Database.Database;
    private runs = 0;

    constructor(dir: string) {
        this.db = new Database(path.join(dir, 'baseline.sqlite'));
        this.db.pragma('journal_mode = WAL');
        this.db.pragma('synchronous = NORMAL');
    }

    /** A new table named for this run, from a CREATE TABLE statement for `object`. */
    private table({ table, indexes }: TableSchema, object = 'Lead'): string {
        const name = `${object}${++this.runs}`;
        this.db.exec(table.replace(`"${object}"`, `"${name}"`));
        for (const sql of indexes)
            this.db.exec(
                sql.replace(/"(ix_\w+)"/, `"$1_${name}"`).replace(`"${object}"`, `"${name}"`)
            );
        return name;
    }

    /** Median ms of `runs` inserts of the leads in one transaction into the minimal table. */
    insertMinimal(leads: BenchLead[], runs = 3): number {
        const times: number[] = [];
        for (let run = 0; run < runs; run++) {
            const table = this.table({ table: MINIMAL_LEAD, indexes: [] });
            const insert = this.db.prepare(`INSERT INTO "${table}" VALUES (?, ?, ?, ?, ?, ?, ?)`);
            const t = performance.now();
            this.db.transaction(() => insertMinimal(insert, leads, 'b'))();
            times.push(performance.now() - t);
        }
        return median(times);
    }

    /**
     * Median ms of `runs` inserts of the leads in one transaction into a copy of the org's Lead
     * table: its schema and indexes, and the columns the org set on a lead it created (the
     * values the bench does not give copied from that lead). Each row's values are the sample
     * lead's with the bench's own put in, as plain SQLite code would bind them.
     */
    insertOrgSchema(orgDatabase: string, leads: BenchLead[], runs = 3): number {
        const lead = readOrgTable(orgDatabase, 'Lead');
        const org = new Database(orgDatabase, { readonly: true, fileMustExist: true });
        const sample = org
            .prepare(`SELECT * FROM "Lead" WHERE "LL_Source_Id__c" IS NOT NULL LIMIT 1`)
            .get() as Record<string, unknown>;
        org.close();
        const columns = Object.keys(sample).filter((c) => sample[c] !== null);
        const base = columns.map((c) => sample[c]);
        const at = (c: string) => columns.indexOf(c);
        const [id, lastName, company, email, status, sourceId] = [
            'Id',
            'LastName',
            'Company',
            'Email',
            'Status',
            'LL_Source_Id__c'
        ].map(at);
        const times: number[] = [];
        for (let run = 0; run < runs; run++) {
            const table = this.table(lead);
            const insert = this.db.prepare(
                `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`
            );
            const t = performance.now();
            this.db.transaction(() => {
                leads.forEach((r, i) => {
                    const row = base.slice();
                    row[id] = `00Q${i}`;
                    row[lastName] = r.LastName;
                    row[company] = r.Company;
                    row[email] = r.Email;
                    row[status] = r.Status;
                    row[sourceId] = r.LL_Source_Id__c;
                    insert.run(row);
                });
            })();
            times.push(performance.now() - t);
        }
        return median(times);
    }

    /**
     * A reader of `leads` with their owners from the minimal table (and a 3-column user
     * table), as one SELECT with a LEFT JOIN; answers the rows.
     */
    minimalReaderOf(leads: BenchLead[], owners: { id: string; name: string; active: boolean }[]) {
        const users = this.table({
            table: 'CREATE TABLE "Lead" ("Id" TEXT PRIMARY KEY, "Name" TEXT, "IsActive" INTEGER)',
            indexes: []
        });
        const table = this.table({ table: MINIMAL_LEAD, indexes: [] });
        const insertUser = this.db.prepare(`INSERT INTO "${users}" VALUES (?, ?, ?)`);
        const insertLead = this.db.prepare(`INSERT INTO "${table}" VALUES (?, ?, ?, ?, ?, ?, ?)`);
        this.db.transaction(() => {
            owners.forEach((o) => insertUser.run(o.id, o.name, o.active ? 1 : 0));
            insertMinimal(insertLead, leads, 'q');
        })();
        const select = this.db.prepare(
            `SELECT l."Id", l."LastName", l."Company", l."Status", u."Name", u."IsActive" FROM "${table}" l LEFT JOIN "${users}" u ON u."Id" = l."OwnerId"`
        );
        return () => select.all().length;
    }

    /**
     * A reader of the org's own rows: its Lead and User tables copied (schema, indexes and
     * every row) from the org's database, then the query's columns and filter as one SELECT
     * with a LEFT JOIN to the owner (the org's own query adds a second for queue owners and
     * orders by Id, its work); answers the rows.
     */
    orgSchemaReaderOf(orgDatabase: string, lastNameLike: string) {
        const lead = this.table(readOrgTable(orgDatabase, 'Lead'));
        const user = this.table(readOrgTable(orgDatabase, 'User'), 'User');
        this.db.prepare('ATTACH DATABASE ? AS "org"').run(orgDatabase);
        this.db.transaction(() => {
            this.db.exec(`INSERT INTO "${lead}" SELECT * FROM "org"."Lead"`);
            this.db.exec(`INSERT INTO "${user}" SELECT * FROM "org"."User"`);
        })();
        this.db.exec('DETACH DATABASE "org"');
        const select = this.db.prepare(
            `SELECT l."Id", l."Name", l."Company", l."Status", u."Name", u."IsActive" FROM "${lead}" l LEFT JOIN "${user}" u ON u."Id" = l."OwnerId" WHERE l."LastName" LIKE ? AND l."IsDeleted" = 0`
        );
        return () => select.all(lastNameLike).length;
    }

    close(): void {
        this.db.close();
    }
}

/** An object's CREATE TABLE and CREATE INDEX statements in the org's database. */
function readOrgTable(orgDatabase: string, object: string): TableSchema {
    const org = new Database(orgDatabase, { readonly: true, fileMustExist: true });
    const schema = org
        .prepare(`SELECT "type", "sql" FROM sqlite_master WHERE "tbl_name" = ?`)
        .all(object) as { type: string; sql: string | null }[];
    org.close();
    return {
        table: schema.find((s) => s.type === 'table')!.sql!,
        indexes: schema.filter((s) => s.type === 'index' && s.sql).map((s) => s.sql!)
    };
}

/** The leads into a minimal table (ids `<prefix><n>`). */
function insertMinimal(insert: Database.Statement, leads: BenchLead[], prefix: string): void {
    leads.forEach((r, i) =>
        insert.run(
            `${prefix}${i}`,
            r.LastName,
            r.Company,
            r.Email,
            r.Status,
            r.OwnerId ?? null,
            r.LL_Source_Id__c
        )
    );
}
