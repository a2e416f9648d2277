import { Args, Flags } from '@oclif/core';
import { stringify } from 'csv-stringify/sync';
import { OrgCommand, type OrgContext } from '../../../command';
import { jsonFlag, targetFlags } from '../../../flags';
import { table, type Outcome } from '../../../output';
import { REVIEW_EXPORT_COLUMNS, exportReview } from '../../../review';

export default class ReviewExport extends OrgCommand {
    static summary = 'Export the entries of a review meeting, or of every meeting in a period.';
    static description =
        'One row per lead reviewed: the meeting (date, status, team manager, period), the lead and rep, the outcome, status before and after, tier, hygiene flags, progress notes and the next step with its date. --csv prints CSV, --json prints { status, result }.';
    static examples = [
        '<%= config.bin %> <%= command.id %> a0B5g00000AbCdEEAV --target-org local --csv',
        '<%= config.bin %> <%= command.id %> --from 2026-11-01 --to 2026-11-30 --target-org local --json'
    ];
    static args = {
        meeting: Args.string({ description: 'The review meeting id (or give --from/--to).' })
    };
    static flags = {
        ...targetFlags,
        ...jsonFlag,
        from: Flags.string({ summary: 'First meeting date of the period (YYYY-MM-DD).' }),
        to: Flags.string({ summary: 'Last meeting date of the period (YYYY-MM-DD).' }),
        csv: Flags.boolean({
            summary: 'Print the rows as CSV (a header, then one row per entry).',
            default: false,
            exclusive: ['json']
        })
    };

    protected async work({ api }: OrgContext): Promise<Outcome> {
        const { args, flags } = await this.flags(ReviewExport);
        const { meetings, rows } = await exportReview(api, {
            meetingId: args.meeting,
            from: flags.from,
            to: flags.to
        });
        const human = flags.csv
            ? stringify([
                  [...REVIEW_EXPORT_COLUMNS],
                  ...rows.map((r) => REVIEW_EXPORT_COLUMNS.map((c) => r[c] ?? ''))
              ]).trimEnd()
            : `${rows.length} entries from ${meetings} meeting${meetings === 1 ? '' : 's'}\n` +
              table(
                  rows.map((r) => ({
                      meeting: r.meetingDate,
                      lead: r.leadId,
                      outcome: r.outcome,
                      next: r.nextStep ? `${r.nextStep} (${r.nextStepDate ?? 'no date'})` : ''
                  }))
              );
        return { result: { meetings, rows }, human, piped: flags.csv };
    }
}
