import { LightningElement, api } from 'lwc';
import components from 'leadloop/components';

/** A Lead Loop app page (flexipage type AppPage): its components, in order. */
export default class AppPage extends LightningElement {
    @api page;

    get placed() {
        return (this.page?.components ?? [])
            .map((p, i) => ({
                ...p,
                key: `${p.component}-${i}`,
                ctor: components[p.component.replace(/^c:/, '')]
            }))
            .filter((p) => p.ctor)
            .map((p) => ({ ...p, props: { ...p.properties } }));
    }
}
