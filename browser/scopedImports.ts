/**
 * Rollup plugin generating the `@salesforce/*` scoped imports a component may use,
 * the way the platform resolves them:
 *   @salesforce/schema/Lead            -> { objectApiName: 'Lead' }
 *   @salesforce/schema/Lead.Owner.Name -> { objectApiName: 'Lead', fieldApiName: 'Owner.Name' }
 *   @salesforce/label/c.Name           -> the value from force-app's custom labels (else the name)
 *   @salesforce/user/Id, isGuest       -> the user picked in the app header (browser/src/platform/session.js)
 *   @salesforce/client/formFactor      -> 'Large'
 * Other @salesforce/* names (gates, base component labels) are left to
 * lightning-base-components, which ships them.
 */
import path from 'node:path';
import type { Plugin } from 'rollup';
import { readPackageMetadata } from '../metadata/src/index';

const PREFIX = '\0sf:';

export function salesforceScopedImports(root: string): Plugin {
    const sessionPath = path.join(root, 'browser/src/platform/session.js');
    return {
        name: 'leadloop-salesforce-scoped-imports',
        resolveId(source) {
            if (/^@salesforce\/(schema|user|client)\//.test(source)) return PREFIX + source;
            if (source.startsWith('@salesforce/label/c.')) return PREFIX + source;
            return null;
        },
        load(id) {
            if (!id.startsWith(PREFIX)) return null;
            const source = id.slice(PREFIX.length);
            const [, kind, rest] = /^@salesforce\/([^/]+)\/(.*)$/.exec(source) ?? [];
            if (kind === 'schema') {
                const [objectApiName, ...field] = rest.split('.');
                const value = field.length
                    ? { objectApiName, fieldApiName: field.join('.') }
                    : { objectApiName };
                return `export default ${JSON.stringify(value)};`;
            }
            if (kind === 'label') {
                const name = rest.slice(2);
                const label = readPackageMetadata(root).labels.get(name);
                if (label) this.addWatchFile(label.file);
                return `export default ${JSON.stringify(label?.value ?? name)};`;
            }
            if (kind === 'user') {
                if (rest === 'Id')
                    return `export { currentUserId as default } from ${JSON.stringify(sessionPath)};`;
                if (rest === 'isGuest') return 'export default false;';
                this.error(`@salesforce/user/${rest} is not available in the browser build`);
            }
            if (kind === 'client' && rest === 'formFactor') return "export default 'Large';";
            this.error(`${source} is not available in the browser build`);
        }
    };
}
