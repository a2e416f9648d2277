import { OrgCommand, PROJECT_ROOT, type OrgContext } from '../../command';
import { doctor } from '../../doctor';
import { orgFlags } from '../../flags';
import { EXIT, table, type Outcome } from '../../output';

export default class Doctor extends OrgCommand {
    static summary =
        "Check that the package's objects, fields, permission sets and queue are in the org.";
    static description =
        'Compares the org with force-app: package objects and fields exist and are visible, score fields editable, permission sets, the nurture queue, one active settings record, a valid Active scoring model. Read-only; exit 1 on any failure.';
    static examples = [
        '<%= config.bin %> <%= command.id %> --target-org local',
        '<%= config.bin %> <%= command.id %> --target-org my-scratch --json'
    ];
    static flags = orgFlags;

    protected async work({ api, target }: OrgContext): Promise<Outcome> {
        const res = await doctor(api, { projectRoot: this.io?.projectRoot ?? PROJECT_ROOT });
        return {
            result: { ...res },
            exit: res.ok ? EXIT.ok : EXIT.failed,
            human:
                `Doctor for ${target.name}: ${res.ok ? '✔ ready' : '✖ problems found'}\n` +
                table(
                    res.checks.map((c) => ({ check: c.name, status: c.status, details: c.message }))
                )
        };
    }
}
