import { Args } from '@oclif/core';
import { UserError } from '../../../api/index';
import { LeadloopCommand } from '../../../command';
import { jsonFlag } from '../../../flags';
import { UsageError } from '../../../output';
import { setConfig } from '../../../target';

export default class ConfigSet extends LeadloopCommand {
    static summary = 'Set a setting kept in .leadloop/config.json (target-org).';
    static examples = ['<%= config.bin %> <%= command.id %> target-org local'];
    static flags = jsonFlag;
    static args = {
        key: Args.string({ description: 'The setting: target-org.', required: true }),
        value: Args.string({ description: 'Its value (empty: unset).', required: true })
    };

    protected async execute(): Promise<void> {
        const { args } = await this.flags(ConfigSet);
        try {
            setConfig(this.root, args.key!, args.value);
        } catch (e) {
            // An unknown key or a bad value is a bad argument (exit 2); a broken file is not.
            if (e instanceof UserError && e.code !== 'BAD_CONFIG') throw new UsageError(e.message);
            throw e;
        }
        this.out(`${args.key} = ${args.value}`);
    }
}
