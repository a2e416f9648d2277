/** Address compound fields: described, selected as an object, refused where the platform refuses them. */
import jsforce from 'jsforce';
import { describe, expect, it } from 'vitest';
import { API_VERSION } from '../../core/src/index';
import { describeSObject } from '../src/store/describe';
import { runSoql } from '../src/store/soql';
import { queryColumns } from '../src/store/soqlColumns';
import { apiCall } from './http';
import { seededOrg } from './seededOrg';

const seeded = seededOrg((s, ids) => {
    ids.account = s.create('Account', {
        Name: 'Acme',
        BillingStreet: '1 Main St',
        BillingCity: 'Springfield',
        BillingState: 'IL',
        BillingPostalCode: '62701',
        BillingCountry: 'USA',
        BillingLatitude: 39.78,
        BillingLongitude: -89.65,
        BillingGeocodeAccuracy: 'Address'
    });
    ids.contact = s.create('Contact', {
        LastName: 'Cole',
        AccountId: ids.account,
        MailingCity: 'Paris'
    });
    ids.lead = s.create('Lead', { LastName: 'Lee', Company: 'Acme', Status: 'New' });
});
const { ids } = seeded;

const run = (soql: string) => runSoql(seeded.org.store, soql).records;
const refused = (soql: string, errorCode: string, message: RegExp) =>
    expect(() => runSoql(seeded.org.store, soql)).toThrow(
        expect.objectContaining({ errorCode, message: expect.stringMatching(message) })
    );

const billing = {
    city: 'Springfield',
    country: 'USA',
    geocodeAccuracy: 'Address',
    latitude: 39.78,
    longitude: -89.65,
    postalCode: '62701',
    state: 'IL',
    street: '1 Main St'
};

describe('address compound fields', () => {
    it('are described as read-only address fields after their parts, which name them', () => {
        const fields = describeSObject(seeded.org.store.objectInfo('Account')!).fields as Record<
            string,
            unknown
        >[];
        const names = fields.map((f) => f.name);
        expect(names.indexOf('BillingAddress')).toBe(names.indexOf('BillingGeocodeAccuracy') + 1);
        expect(fields.find((f) => f.name === 'BillingAddress')).toMatchObject({
            type: 'address',
            soapType: 'urn:address',
            createable: false,
            updateable: false,
            filterable: false,
            sortable: false,
            groupable: false,
            compoundFieldName: null
        });
        expect(fields.find((f) => f.name === 'BillingCity')).toMatchObject({
            compoundFieldName: 'BillingAddress'
        });
        expect(fields.find((f) => f.name === 'Name')).toMatchObject({ compoundFieldName: null });
        const compounds = (object: string) =>
            Object.keys(seeded.org.store.objectInfo(object)!.compoundFields ?? {});
        expect(compounds('Account')).toEqual(['BillingAddress', 'ShippingAddress']);
        expect(compounds('Contact')).toEqual(['MailingAddress', 'OtherAddress']);
        expect(compounds('Lead')).toEqual(['Address']);
        expect(compounds('User')).toEqual(['Address']);
        expect(compounds('Opportunity')).toEqual([]);
    });

    it('select as an object of every part, null when every part is null', () => {
        const [account] = run(
            'SELECT Name, billingaddress, ShippingAddress FROM Account WHERE BillingCity != null'
        );
        expect(account).toMatchObject({
            Name: 'Acme',
            BillingAddress: billing,
            ShippingAddress: null
        });
        expect(account).not.toHaveProperty('BillingCity');
        const [lead] = run('SELECT Address FROM Lead');
        expect(lead.Address).toBeNull();
        const [contact] = run('SELECT MailingAddress, MailingCity FROM Contact');
        expect(contact.MailingCity).toBe('Paris');
        expect(contact.MailingAddress).toEqual({
            city: 'Paris',
            country: null,
            geocodeAccuracy: null,
            latitude: null,
            longitude: null,
            postalCode: null,
            state: null,
            street: null
        });
    });

    it('select through a parent and in a child subquery', () => {
        const [contact] = run('SELECT Account.BillingAddress, Account.Name FROM Contact');
        expect(contact.Account).toMatchObject({ Name: 'Acme', BillingAddress: billing });
        const [account] = run('SELECT (SELECT MailingAddress FROM Contacts) FROM Account');
        expect(
            (account.Contacts as { records: { MailingAddress: unknown }[] }).records[0]
        ).toMatchObject({ MailingAddress: { city: 'Paris' } });
        const columns = queryColumns(seeded.org.store, 'SELECT Id, BillingAddress FROM Account');
        expect(columns.columnMetadata[1]).toMatchObject({
            columnName: 'BillingAddress',
            apexType: 'Address'
        });
    });

    it('are refused in WHERE, ORDER BY, GROUP BY, twice, and in writes', () => {
        const notFiltered = /'BillingAddress' can not be filtered, sorted or grouped/;
        refused('SELECT Id FROM Account WHERE BillingAddress = null', 'INVALID_FIELD', notFiltered);
        refused('SELECT Id FROM Account ORDER BY BillingAddress', 'INVALID_FIELD', notFiltered);
        refused(
            'SELECT BillingAddress, COUNT(Id) FROM Account GROUP BY BillingAddress',
            'INVALID_FIELD',
            notFiltered
        );
        refused(
            'SELECT BillingAddress, BillingAddress FROM Account',
            'INVALID_FIELD',
            /duplicate field selected: BillingAddress/
        );
        refused('SELECT PostalAddress FROM Account', 'INVALID_FIELD', /No such column/);
        expect(() =>
            seeded.org.store.update('Account', ids.account, { BillingAddress: { city: 'X' } })
        ).toThrow(expect.objectContaining({ errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE' }));
        expect(run('SELECT BillingCity FROM Account')[0].BillingCity).toBe('Springfield');
    });

    it('come with FIELDS(ALL | STANDARD) and a record read, as every standard field does', async () => {
        const [account] = run('SELECT FIELDS(STANDARD) FROM Account WHERE BillingCity != null');
        const keys = Object.keys(account);
        expect(account).toMatchObject({ BillingAddress: billing, ShippingAddress: null });
        expect(keys.indexOf('BillingAddress')).toBe(keys.indexOf('BillingGeocodeAccuracy') + 1);
        const [contact] = run('SELECT FIELDS(ALL) FROM Contact LIMIT 1');
        expect(contact.MailingAddress).toMatchObject({ city: 'Paris' });
        expect(contact).toHaveProperty('OtherAddress', null);
        expect(Object.keys(run('SELECT FIELDS(CUSTOM) FROM Account LIMIT 1')[0])).not.toContain(
            'BillingAddress'
        );
        refused(
            'SELECT BillingAddress, FIELDS(STANDARD) FROM Account',
            'INVALID_FIELD',
            /duplicate field selected: BillingAddress/
        );
        const res = await apiCall(seeded.org, `/sobjects/Account/${ids.account}`);
        const read = (await res.json()) as Record<string, unknown>;
        expect(read).toMatchObject({ BillingAddress: billing, ShippingAddress: null });
        const some = await apiCall(seeded.org, `/sobjects/Account/${ids.account}?fields=Name`);
        expect(Object.keys((await some.json()) as object)).toEqual(['attributes', 'Name']);
    });

    it('are refused by Bulk API 2.0 queries, whose CSV has no form for them', async () => {
        const queryJob = (query: string) =>
            apiCall(seeded.org, '/jobs/query', {
                method: 'POST',
                body: JSON.stringify({ operation: 'query', query })
            });
        // FIELDS() leaves them out there: its CSV columns are the parts.
        expect((await queryJob('SELECT FIELDS(STANDARD) FROM Account')).status).toBe(200);
        const res = await queryJob('SELECT Id, BillingAddress FROM Account');
        expect(res.status).toBe(400);
        expect(await res.json()).toEqual([
            expect.objectContaining({
                errorCode: 'API_ERROR',
                message: expect.stringContaining('compound field BillingAddress')
            })
        ]);
    });

    it('reach an unmodified jsforce client as the platform answers them', async () => {
        const conn = new jsforce.Connection({
            instanceUrl: seeded.org.instanceUrl,
            accessToken: seeded.org.accessToken,
            version: API_VERSION
        });
        const described = await conn.sobject('Lead').describe();
        expect(described.fields.find((f) => f.name === 'Address')?.type).toBe('address');
        const result = await conn.query<{ BillingAddress: unknown }>(
            'SELECT BillingAddress FROM Account'
        );
        expect(result.records[0].BillingAddress).toEqual(billing);
        await expect(
            conn.sobject('Account').create({ Name: 'New', BillingAddress: { city: 'X' } })
        ).rejects.toMatchObject({ errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE' });
    });
});
