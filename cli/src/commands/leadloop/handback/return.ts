import { Flags } from '@oclif/core';
import { OrgCommand, type FlagsOf, type OrgContext } from '../../../command';
import { nowFlag, orgFlags, positiveInt } from '../../../flags';
import { table, type Outcome } from '../../../output';
import { returnToSales } from '../../../handback';

export default class HandbackReturn extends OrgCommand {
    static summary = 'Return nurtured leads that are ready to sales (a preview unless --apply).';
    static description =
        "Plans who gets each lead ready to return (or each --lead): its previous owner while active, otherwise the settings' rule (a queue, or round-robin over active reps). Without --apply it only shows the plan. With --apply it writes in batches; each lead gets its own result, and a lead someone else saved since it was read is skipped, never overwritten, and a run with failures exits 1. A returned lead is no longer in nurture, so running again retries only what failed.";
    static examples = [
        '<%= config.bin %> <%= command.id %> --target-org local',
        '<%= config.bin %> <%= command.id %> -o local --apply',
        '<%= config.bin %> <%= command.id %> -o prod --lead 00Q5g00000AbCdEAAV --apply --json'
    ];
    static flags = {
        ...orgFlags,
        apply: Flags.boolean({
            summary: 'Write the plan (default: preview only).',
            default: false,
            exclusive: ['dry-run']
        }),
        lead: Flags.string({
            summary: 'Only this lead (repeatable); default: every lead ready to return.',
            multiple: true
        }),
        'batch-size': positiveInt('batch-size', { max: 10_000 })({
            summary: 'Leads per write.',
            default: 200
        }),
        now: nowFlag('The clock readiness and the return time use.')
    };

    protected async work(ctx: OrgContext): Promise<Outcome> {
        const f = ctx.flags as FlagsOf<typeof HandbackReturn>;
        const apply = f.apply && !ctx.dryRun;
        const res = await returnToSales(ctx.api, {
            apply,
            now: f.now ? new Date(f.now) : undefined,
            ids: f.lead,
            batchSize: f['batch-size'],
            bulkThreshold: ctx.bulkThreshold,
            onProgress: (p) => this.progress(`Returning ${p.done}/${p.total}`)
        });
        const head = apply
            ? `Returned ${res.returned} of ${res.rows.length} lead(s) to sales` +
              (res.skipped ? `; ${res.skipped} skipped (changed since they were read).` : '.')
            : `Preview: ${res.planned} of ${res.rows.length} lead(s) would go back to sales (run with --apply to write).`;
        return {
            result: { ...res },
            failures: res.failures,
            human:
                head +
                (res.rows.length
                    ? '\n' +
                      table(
                          res.rows.map((r) => ({
                              lead: r.id,
                              name: r.name,
                              to: r.to,
                              result: r.result,
                              why: r.message || r.explanation
                          }))
                      )
                    : '')
        };
    }
}
