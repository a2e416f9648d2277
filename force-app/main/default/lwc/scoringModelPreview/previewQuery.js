import { gql } from 'lightning/graphql';
import { PREVIEW_READS, graphqlSelection } from 'c/leadLoopCore';

/** Page size for the preview: with upperBound, GraphQL wants 200–2,000. */
export const PREVIEW_PAGE_SIZE = 2000;
/** The preview reads at most this many records of each object. */
export const PREVIEW_LIMIT = 10000;
export const PREVIEW_OBJECTS = ['Lead', 'Task', 'Event', 'CampaignMember'];
export const CURSOR_VARIABLE = {
    Lead: 'leadAfter',
    Task: 'taskAfter',
    Event: 'eventAfter',
    CampaignMember: 'memberAfter'
};

/** Which records of each object the preview reads (GraphQL `where`). */
const WHERE = {
    Lead: '{ IsConverted: { eq: false } }',
    Task: '{ WhoId: { ne: null } }',
    Event: '{ WhoId: { ne: null } }',
    CampaignMember: '{ LeadId: { ne: null } }'
};

/** One page of an object, read with the core's `PREVIEW_READS`. */
const page = (object) => `
    ${object}(
        first: $pageSize
        after: $${CURSOR_VARIABLE[object]}
        upperBound: $upperBound
        where: ${WHERE[object]}
        orderBy: { Id: { order: ASC } }
    ) {
        edges {
            node {
                ${graphqlSelection(PREVIEW_READS[object])}
            }
        }
        pageInfo {
            hasNextPage
            endCursor
        }
    }`;

/** Open leads, their activities and campaign memberships, a page of each at a time. */
export const PREVIEW_QUERY = gql`
    query scoringModelPreview(
        $leadAfter: String
        $taskAfter: String
        $eventAfter: String
        $memberAfter: String
        $pageSize: Int
        $upperBound: Int
    ) {
        uiapi {
            query {
                ${PREVIEW_OBJECTS.map(page).join('\n')}
            }
        }
    }
`;
