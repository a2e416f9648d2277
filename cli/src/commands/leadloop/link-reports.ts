import { Flags } from '@oclif/core';
import { OrgCommand, type FlagsOf, type OrgContext } from '../../command';
import { orgFlags } from '../../flags';
import { linkReports } from '../../linkReports';
import { table, type Outcome } from '../../output';

export default class LinkReports extends OrgCommand {
    static summary =
        'Store where the Lead Loop reports are in the org, so the funnel page links to them (a preview unless --apply).';
    static description =
        "Reads the ids of the reports the funnel page's numbers open (SELECT Id, DeveloperName FROM Report over the REST API: the UI API, which the page reads with, does not serve Report) and upserts one LL_Report_Link__c per report by its DeveloperName. Without --apply it only shows what would change. Running it again is safe: unchanged links are left alone; run it after deploying the reports again. Each report gets its own result; a failed write exits 1.";
    static examples = [
        '<%= config.bin %> <%= command.id %> --target-org local',
        '<%= config.bin %> <%= command.id %> -o prod --apply',
        '<%= config.bin %> <%= command.id %> -o prod --apply --json'
    ];
    static flags = {
        ...orgFlags,
        apply: Flags.boolean({
            summary: 'Write the links (default: preview only).',
            default: false,
            exclusive: ['dry-run']
        })
    };

    protected async work(ctx: OrgContext): Promise<Outcome> {
        const f = ctx.flags as FlagsOf<typeof LinkReports>;
        const res = await linkReports(ctx.api, { apply: f.apply && !ctx.dryRun });
        const changes = res.rows.filter((r) => r.action === 'create' || r.action === 'update');
        const head = res.applied
            ? `Linked ${res.written} of ${changes.length} report(s) that changed; ${res.rows.length - changes.length - res.missing} already linked, ${res.missing} not in the org.`
            : `Preview: ${changes.length} of ${res.rows.length} report link(s) would be written (run with --apply to write); ${res.missing} not in the org.`;
        return {
            result: { ...res },
            failures: res.failures,
            human:
                head +
                '\n' +
                table(
                    res.rows.map((r) => ({
                        report: r.report,
                        id: r.reportId ?? '',
                        result: r.result,
                        why: r.message
                    }))
                )
        };
    }
}
