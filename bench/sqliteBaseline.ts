/**
 * Plain better-sqlite3 doing the local org's work in the bench's own process, the floor the
 * local org builds on: the same leads inserted in one transaction into a minimal table (the
 * issue's baseline) and into a copy of the org's own Lead table (its columns and indexes,
 * read from the org's database), and the same 5,000 leads read with their owners.
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

export class SqliteBaseline {
    private readonly db: Database.Database;
    private runs = 0;

    constructor(dir: string) {
        this.db = new Database(path.join(dir, 'baseline.sqlite'));
        this.db.pragma('journal_mode = WAL');
        this.db.pragma('synchronous = NORMAL');
    }

    /** A new table named for this run, from a CREATE TABLE statement for "Lead". */
    private table(createLead: string, indexes: string[] = []): string {
        const name = `Lead${++this.runs}`;
        this.db.exec(createLead.replace('"Lead"', `"${name}"`));
        for (const sql of indexes)
            this.db.exec(sql.replace(/"(ix_\w+)"/, `"$1_${name}"`).replace('"Lead"', `"${name}"`));
        return name;
    }

    /** Median ms of `runs` inserts of the leads in one transaction into the minimal table. */
    insertMinimal(leads: BenchLead[], runs = 3): number {
        const times: number[] = [];
        for (let run = 0; run < runs; run++) {
            const table = this.table(MINIMAL_LEAD);
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
     * values the bench does not give copied from that lead).
     */
    insertOrgSchema(orgDatabase: string, leads: BenchLead[], runs = 3): number {
        const org = new Database(orgDatabase, { readonly: true, fileMustExist: true });
        const schema = org
            .prepare(`SELECT "type", "sql" FROM sqlite_master WHERE "tbl_name" = 'Lead'`)
            .all() as { type: string; sql: string | null }[];
        const sample = org
            .prepare(`SELECT * FROM "Lead" WHERE "LL_Source_Id__c" IS NOT NULL LIMIT 1`)
            .get() as Record<string, unknown>;
        org.close();
        const columns = Object.keys(sample).filter((c) => sample[c] !== null);
        const times: number[] = [];
        for (let run = 0; run < runs; run++) {
            const table = this.table(
                schema.find((s) => s.type === 'table')!.sql!,
                schema.filter((s) => s.type === 'index' && s.sql).map((s) => s.sql!)
            );
            const insert = this.db.prepare(
                `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`
            );
            const t = performance.now();
            this.db.transaction(() => {
                leads.forEach((r, i) => {
                    const row: Record<string, unknown> = { ...sample, ...r, Id: `00Q${i}` };
                    insert.run(...columns.map((c) => row[c]));
                });
            })();
            times.push(performance.now() - t);
        }
        return median(times);
    }

    /** A reader of `leads` with their owners, as one SELECT with a LEFT JOIN; answers the rows. */
    readerOf(leads: BenchLead[], owners: { id: string; name: string; active: boolean }[]) {
        const users = this.table(
            'CREATE TABLE "Lead" ("Id" TEXT PRIMARY KEY, "Name" TEXT, "IsActive" INTEGER)'
        );
        const table = this.table(MINIMAL_LEAD);
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

    close(): void {
        this.db.close();
    }
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
