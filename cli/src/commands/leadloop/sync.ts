import { Flags } from '@oclif/core';
import { Api } from '../../api/index';
import { OrgCommand, type FlagsOf, type OrgContext } from '../../command';
import { runFlags } from '../../flags';
import { table, UsageError, type Outcome } from '../../output';
import { syncLeads } from '../../sync';
import { resolveTarget } from '../../target';

export default class Sync extends OrgCommand {
    static summary = 'Copy leads from one org to another by LL_Source_Id__c (idempotent).';
    static description =
        'Created when missing, updated only in the fields that differ, left alone when equal; owners are mapped by Username (users) and DeveloperName (queues).';
    static examples = [
        '<%= config.bin %> <%= command.id %> --from local --to my-scratch',
        '<%= config.bin %> <%= command.id %> --from local --to my-scratch --dry-run'
    ];
    static flags = {
        from: Flags.string({ summary: 'Source: sf alias/username or "local".', required: true }),
        to: Flags.string({ summary: 'Target: sf alias/username or "local".', required: true }),
        ...runFlags
    };

    protected checkFlags(flags: Record<string, unknown>): void {
        if (String(flags.from).trim() === String(flags.to).trim()) {
            throw new UsageError('--from and --to are the same org.');
        }
    }

    /** The org written to is --to. */
    protected targetOf(flags: Record<string, unknown>) {
        return { 'target-org': String(flags.to) };
    }

    protected async work(ctx: OrgContext): Promise<Outcome> {
        const { api, target, dryRun, bulkThreshold } = ctx;
        const f = ctx.flags as FlagsOf<typeof Sync>;
        const source = await resolveTarget({ targetOrg: f.from, root: this.root });
        if (source.name === target.name) {
            throw new UsageError('--from and --to are the same org.');
        }
        const fromApi = new Api(source.conn, { maxApiCalls: f['max-api-calls'] });
        const res = await syncLeads(fromApi, api, { bulkThreshold, dryRun });
        return {
            result: { ...res, from: source.name, to: target.name, sourceApiCalls: fromApi.calls },
            failures: res.failures,
            warnings: res.warnings,
            human:
                `${dryRun ? 'Dry run: ' : ''}leads ${source.name} → ${target.name} (source API calls: ${fromApi.calls}):\n` +
                table([
                    {
                        read: res.read,
                        created: res.created,
                        updated: res.updated,
                        unchanged: res.unchanged,
                        failed: res.failures.length
                    }
                ])
        };
    }
}
