import { Flags } from '@oclif/core';
import { stringify } from 'csv-stringify/sync';
import { OrgCommand, type FlagsOf, type OrgContext } from '../../command';
import { nowFlag, orgFlags } from '../../flags';
import { table, type Outcome } from '../../output';
import { metricRows, reportOrg } from '../../report';

export default class Report extends OrgCommand {
    static summary = 'Print the Lead Loop metrics of an org.';
    static description =
        'Follow-up rate, speed to first touch, qualified leads never touched, the six-stage funnel with its leaks, hand-back rate, recycled wins, review coverage and, with --audit, the process defect rate (README "Tracking and reporting"). Reads every lead through the API (Bulk API 2.0 from --bulk-threshold) and adds them page by page. --json prints every metric; --csv prints the table as CSV. Writes nothing.';
    static examples = [
        '<%= config.bin %> <%= command.id %> --target-org local',
        '<%= config.bin %> <%= command.id %> -o prod --audit --csv > metrics.csv',
        '<%= config.bin %> <%= command.id %> -o prod --json'
    ];
    static flags = {
        ...orgFlags,
        audit: Flags.boolean({
            summary: 'Run the hygiene audit too: its findings give the process defect rate.',
            default: false
        }),
        csv: Flags.boolean({
            summary: 'Print the table as CSV (metric, value, detail).',
            default: false,
            exclusive: ['json']
        }),
        now: nowFlag('The metrics clock.')
    };

    protected async work(ctx: OrgContext): Promise<Outcome> {
        const f = ctx.flags as FlagsOf<typeof Report>;
        const res = await reportOrg(ctx.api, {
            now: f.now ? new Date(f.now) : undefined,
            bulkThreshold: ctx.bulkThreshold,
            audit: f.audit
        });
        const rows = metricRows(res.metrics);
        return {
            result: { ...res },
            human: f.csv
                ? stringify(rows, { header: true }).trimEnd()
                : `Lead Loop metrics of ${ctx.target.name} (${res.leadsRead} leads, ${res.transport}):\n${table(rows)}`
        };
    }
}
