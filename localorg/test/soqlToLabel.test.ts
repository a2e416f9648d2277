/** toLabel() in a SOQL select list: a picklist value's label, under the field's name or an alias. */
import { describe, expect, it } from 'vitest';
import { runSoql } from '../src/store/soql';
import { queryColumns } from '../src/store/soqlColumns';
import { seededOrg } from './seededOrg';

const seeded = seededOrg((s) => {
    s.create('Account', { Name: 'Near', BillingGeocodeAccuracy: 'NearAddress', Type: 'Customer' });
    s.create('Account', { Name: 'None' });
});

const run = (soql: string) =>
    runSoql(seeded.org.store, soql).records.map(({ attributes: _, ...rest }) => rest);
const refused = (soql: string, errorCode: string, message: RegExp) =>
    expect(() => runSoql(seeded.org.store, soql)).toThrow(
        expect.objectContaining({ errorCode, message: expect.stringMatching(message) })
    );

describe('toLabel()', () => {
    it('answers the label under the field name, or beside the value under an alias', () => {
        expect(
            run('SELECT Name, toLabel(BillingGeocodeAccuracy) FROM Account ORDER BY Name')
        ).toEqual([
            { Name: 'Near', BillingGeocodeAccuracy: 'Near Address' },
            { Name: 'None', BillingGeocodeAccuracy: null }
        ]);
        expect(
            run(
                "SELECT BillingGeocodeAccuracy, toLabel(BillingGeocodeAccuracy) accuracy, toLabel(Type) FROM Account WHERE Name = 'Near'"
            )
        ).toEqual([
            { BillingGeocodeAccuracy: 'NearAddress', accuracy: 'Near Address', Type: 'Customer' }
        ]);
        const columns = queryColumns(seeded.org.store, 'SELECT toLabel(Type) t FROM Account');
        expect(columns.columnMetadata[0]).toMatchObject({ columnName: 't', apexType: 'String' });
    });

    it('is refused on other fields and when it repeats a selected field', () => {
        refused(
            'SELECT toLabel(Name) FROM Account',
            'INVALID_FIELD',
            /takes a picklist field; Name is a string/
        );
        refused(
            'SELECT Type, toLabel(Type) FROM Account',
            'INVALID_FIELD',
            /duplicate field selected: Type/
        );
    });
});
