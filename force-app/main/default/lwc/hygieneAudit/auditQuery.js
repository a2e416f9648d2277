import { gql } from 'lightning/graphql';
import { HYGIENE_PAGE_READS, graphqlSelection } from 'c/leadLoopCore';

/** Page size: with upperBound, GraphQL wants 200–2,000. */
export const AUDIT_PAGE_SIZE = 2000;
/** The most records of one object the page reads (the CLI audits larger orgs). */
export const AUDIT_LIMIT = 100000;
export const AUDIT_OBJECTS = [
    'Lead',
    'User',
    'Group',
    'Contact',
    'Account',
    'Opportunity',
    'Task',
    'Event',
    'LL_Settings__c'
];
export const CURSOR_VARIABLE = Object.fromEntries(
    AUDIT_OBJECTS.map((object) => [
        object,
        `${object.replace(/^LL_|__c$|_/g, '').toLowerCase()}After`
    ])
);

/** Which records of each object the audit reads (GraphQL `where`); all when absent. */
const WHERE = {
    Lead: '{ IsConverted: { eq: false } }',
    Group: '{ Type: { eq: "Queue" } }',
    Task: '{ WhoId: { ne: null } }',
    Event: '{ WhoId: { ne: null } }',
    LL_Settings__c: '{ LL_Active__c: { eq: true } }'
};

/** One page of an object, read with the core's `HYGIENE_PAGE_READS`, with its total for progress. */
const page = (object) => `
    ${object}(
        first: $pageSize
        after: $${CURSOR_VARIABLE[object]}
        upperBound: $upperBound
        ${WHERE[object] ? `where: ${WHERE[object]}` : ''}
        orderBy: { Id: { order: ASC } }
    ) {
        edges {
            node {
                ${graphqlSelection(HYGIENE_PAGE_READS[object])}
            }
        }
        pageInfo {
            hasNextPage
            endCursor
        }
        totalCount
    }`;

/** Everything the audit reads, a page of each object at a time. */
export const AUDIT_QUERY = gql`
    query hygieneAudit(
        ${AUDIT_OBJECTS.map((object) => `$${CURSOR_VARIABLE[object]}: String`).join('\n')}
        $pageSize: Int
        $upperBound: Int
    ) {
        uiapi {
            query {
                ${AUDIT_OBJECTS.map(page).join('\n')}
            }
        }
    }
`;
