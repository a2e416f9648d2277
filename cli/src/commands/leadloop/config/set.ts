import { Args } from '@oclif/core';
import { LeadloopCommand } from '../../../command';
import { jsonFlag } from '../../../flags';
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
        // An unknown key or a bad value is a usage error (exit 2); a broken file is not.
        setConfig(this.root, args.key!, args.value);
        this.out(`${args.key} = ${args.value}`);
    }
}
