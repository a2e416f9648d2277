import HygieneFindingTable from 'c/hygieneFindingTable';
import { getNavigateCalledWith } from 'lightning/navigation';
import { mount, queryAllDeep, queryDeep } from 'jest-utils/dom';

const { check, findings } = require('./data/findings.json');

describe('c-hygiene-finding-table', () => {
    it('lists the leads with what is wrong and the fix; a lead opens its record page', async () => {
        const element = mount('c-hygiene-finding-table', HygieneFindingTable, { check, findings });
        expect(queryDeep(element, 'table').getAttribute('aria-label')).toBe(
            'Leads: Owner inactive'
        );
        const cells = queryAllDeep(element, 'tbody td').map((td) => td.textContent);
        expect(cells).toEqual([
            'Gone Rep, who owns this lead, is inactive.',
            'Reassign it to an active rep.'
        ]);
        queryDeep(element, 'a[data-lead-id]').click();
        expect(getNavigateCalledWith().pageReference.attributes.recordId).toBe(
            '00Q000000000001AAA'
        );
        await expect(element).toBeAccessible();
    });
});
