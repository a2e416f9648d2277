import { Args } from '@oclif/core';
import { LeadloopCommand } from '../../../command';
import { jsonFlag } from '../../../flags';
import { checkConfigKey, getConfig } from '../../../target';

export default class ConfigGet extends LeadloopCommand {
    static summary = 'Show the settings kept in .leadloop/config.json.';
    static examples = [
        '<%= config.bin %> <%= command.id %>',
        '<%= config.bin %> <%= command.id %> target-org'
    ];
    static flags = jsonFlag;
    static args = {
        key: Args.string({ description: 'One setting (default: all).' })
    };

    protected async execute(): Promise<void> {
        const { args } = await this.flags(ConfigGet);
        if (args.key) checkConfigKey(args.key);
        const config = getConfig(this.root) as Record<string, string | undefined>;
        this.out(args.key ? (config[args.key] ?? '') : JSON.stringify(config, null, 2));
    }
}
