import { writeFileSync } from 'node:fs';
import { Flags } from '@oclif/core';
import { OrgCommand, type FlagsOf, type OrgContext } from '../../../command';
import { nowFlag, orgFlags } from '../../../flags';
import { table, type Outcome } from '../../../output';
import { toCsv } from '../../../api/csv';
import { NURTURE_QUEUE_COLUMNS } from '../../../../../core/src/index';
import { nurturedLeadRow, readHandbackContext, readNurturedLeads } from '../../../handback';

export default class HandbackList extends OrgCommand {
    static summary = 'List the leads handed back to marketing, and which are ready to return.';
    static description =
        'Open leads in nurture (the nurturing status or owned by the nurture queue) with the hand-back reason, notes, days in nurture, tier and score, and whether each is ready to return to sales and why (its nurture date passed, or it scores Hot again). Reads only.';
    static examples = [
        '<%= config.bin %> <%= command.id %> --target-org local',
        '<%= config.bin %> <%= command.id %> -o local --ready',
        '<%= config.bin %> <%= command.id %> -o prod --csv nurtured.csv'
    ];
    static flags = {
        ...orgFlags,
        ready: Flags.boolean({ summary: 'Only the leads ready to return.', default: false }),
        csv: Flags.string({ summary: 'Also write the list to this CSV file.' }),
        now: nowFlag('The clock readiness is judged by.')
    };

    protected async work(ctx: OrgContext): Promise<Outcome> {
        const f = ctx.flags as FlagsOf<typeof HandbackList>;
        const now = f.now ? new Date(f.now) : new Date();
        const handback = await readHandbackContext(ctx.api);
        const leads = await readNurturedLeads(ctx.api, handback, ctx.bulkThreshold);
        const rows = leads
            .map((lead) => nurturedLeadRow(lead, handback, now))
            .filter((row) => !f.ready || row.ready);
        if (f.csv) {
            writeFileSync(
                f.csv,
                toCsv(rows as unknown as Record<string, unknown>[], [...NURTURE_QUEUE_COLUMNS])
            );
        }
        const ready = rows.filter((r) => r.ready).length;
        return {
            result: { count: rows.length, ready, leads: rows, ...(f.csv ? { csv: f.csv } : {}) },
            human:
                `${rows.length} lead(s) in nurture, ${ready} ready to return to sales.` +
                (rows.length
                    ? '\n' +
                      table(
                          rows.map((r) => ({
                              lead: r.id,
                              name: r.name,
                              reason: r.reason,
                              days: r.daysInNurture,
                              tier: r.tier,
                              score: r.score,
                              ready: r.ready ? 'yes' : 'no',
                              why: r.why
                          }))
                      )
                    : '') +
                (f.csv ? `\nWritten to ${f.csv}.` : '')
        };
    }
}
