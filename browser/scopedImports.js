/**
 * Rollup plugin generating the `@salesforce/*` scoped imports a component may use,
 * the way the platform resolves them:
 *   @salesforce/schema/Lead            -> { objectApiName: 'Lead' }
 *   @salesforce/schema/Lead.Owner.Name -> { objectApiName: 'Lead', fieldApiName: 'Owner.Name' }
 *   @salesforce/label/c.Name           -> the value from force-app's CustomLabels (else the name)
 *   @salesforce/user/Id, isGuest       -> the user picked in the app header (browser/src/platform/session.js)
 *   @salesforce/client/formFactor      -> 'Large'
 * Other @salesforce/* names (gates, base component labels) are left to
 * lightning-base-components, which ships them.
 */
import path from 'node:path';
import { existsSync, readdirSync } from 'node:fs';

const PREFIX = '\0sf:';

export function salesforceScopedImports({ root, readFileSync }) {
    const labelsDir = path.join(root, 'force-app/main/default/labels');
    const sessionPath = path.join(root, 'browser/src/platform/session.js');

    function customLabels() {
        const labels = {};
        if (!existsSync(labelsDir)) return labels;
        for (const file of readdirSync(labelsDir).filter((f) => f.endsWith('.labels-meta.xml'))) {
            const xml = readFileSync(path.join(labelsDir, file), 'utf8');
            for (const block of xml.split('<labels>').slice(1)) {
                const name = /<fullName>([^<]*)<\/fullName>/.exec(block)?.[1];
                const value = /<value>([\s\S]*?)<\/value>/.exec(block)?.[1];
                if (name) labels[name] = decodeXml(value ?? name);
            }
        }
        return labels;
    }

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
            const [, kind, rest] = /^@salesforce\/([^/]+)\/(.*)$/.exec(source);
            if (kind === 'schema') {
                const [objectApiName, ...field] = rest.split('.');
                const value = field.length
                    ? { objectApiName, fieldApiName: field.join('.') }
                    : { objectApiName };
                return `export default ${JSON.stringify(value)};`;
            }
            if (kind === 'label') {
                const name = rest.slice(2);
                if (existsSync(labelsDir)) this.addWatchFile(labelsDir);
                const value = customLabels()[name] ?? name;
                return `export default ${JSON.stringify(value)};`;
            }
            if (kind === 'user') {
                if (rest === 'Id')
                    return `export { currentUserId as default } from ${JSON.stringify(sessionPath)};`;
                if (rest === 'isGuest') return 'export default false;';
                this.error(`@salesforce/user/${rest} is not available in the browser build`);
            }
            if (kind === 'client' && rest === 'formFactor') return "export default 'Large';";
            this.error(`${source} is not available in the browser build`);
            return null;
        }
    };
}

function decodeXml(s) {
    return s
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&');
}
