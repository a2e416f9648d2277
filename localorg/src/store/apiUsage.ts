/** API calls per day, kept in the org's database (the DailyApiRequests figure of /limits). */
import type { Database, Statement } from 'better-sqlite3';

export class ApiUsage {
    /** Prepared once: every API call counts itself. */
    private readonly read: Statement;
    private readonly add: Statement;

    constructor(
        db: Database,
        readonly dailyLimit: number
    ) {
        db.exec(
            'CREATE TABLE IF NOT EXISTS "_ll_api_usage" ("day" TEXT PRIMARY KEY, "n" INTEGER NOT NULL)'
        );
        this.read = db.prepare('SELECT "n" FROM "_ll_api_usage" WHERE "day" = ?');
        this.add = db.prepare(
            'INSERT INTO "_ll_api_usage" ("day", "n") VALUES (?, 1) ON CONFLICT("day") DO UPDATE SET "n" = "n" + 1'
        );
    }

    /** API calls counted today. */
    today(): number {
        const row = this.read.get(new Date().toISOString().slice(0, 10)) as
            { n: number } | undefined;
        return row?.n ?? 0;
    }

    /** Counts one call and answers today's total. */
    count(): number {
        this.add.run(new Date().toISOString().slice(0, 10));
        return this.today();
    }
}
