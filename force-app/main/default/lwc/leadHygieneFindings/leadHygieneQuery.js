import { gql } from 'lightning/graphql';
import { HYGIENE_LEAD_READS, HYGIENE_LEAD_RELATED_READS, graphqlSelection } from 'c/leadLoopCore';

const connection = (reads, object, where, first) => `
    ${object}(where: ${where}, first: ${first}) {
        edges {
            node {
                ${graphqlSelection(reads[object])}
            }
        }
    }`;

/** The lead, its activities, the queues and the active settings. */
export const LEAD_QUERY = gql`
    query leadHygieneLead($recordId: ID) {
        uiapi {
            query {
                ${connection(HYGIENE_LEAD_READS, 'Lead', '{ Id: { eq: $recordId } }', 1)}
                ${connection(HYGIENE_LEAD_READS, 'Task', '{ WhoId: { eq: $recordId } }', 200)}
                ${connection(HYGIENE_LEAD_READS, 'Event', '{ WhoId: { eq: $recordId } }', 200)}
                ${connection(HYGIENE_LEAD_READS, 'Group', '{ Type: { eq: "Queue" } }', 200)}
                ${connection(
                    HYGIENE_LEAD_READS,
                    'LL_Settings__c',
                    '{ LL_Active__c: { eq: true } }',
                    1
                )}
            }
        }
    }
`;

/**
 * The lead's owner and what it may duplicate or have moved on to: open leads and contacts
 * with its email, company or phone, the accounts named like its company and their
 * opportunities. Matching is exact here; the checks normalise what they compare.
 */
export const RELATED_QUERY = gql`
    query leadHygieneRelated(
        $ownerId: ID
        $email: String
        $company: String
        $phone: String
    ) {
        uiapi {
            query {
                ${connection(HYGIENE_LEAD_RELATED_READS, 'User', '{ Id: { eq: $ownerId } }', 1)}
                ${connection(
                    HYGIENE_LEAD_RELATED_READS,
                    'Lead',
                    `{ and: [
                        { IsConverted: { eq: false } }
                        { or: [
                            { Email: { eq: $email } }
                            { Company: { eq: $company } }
                            { Phone: { eq: $phone } }
                        ] }
                    ] }`,
                    200
                )}
                ${connection(
                    HYGIENE_LEAD_RELATED_READS,
                    'Contact',
                    '{ or: [{ Email: { eq: $email } }, { Account: { Name: { eq: $company } } }] }',
                    200
                )}
                ${connection(HYGIENE_LEAD_RELATED_READS, 'Account', '{ Name: { eq: $company } }', 50)}
                ${connection(
                    HYGIENE_LEAD_RELATED_READS,
                    'Opportunity',
                    '{ Account: { Name: { eq: $company } } }',
                    200
                )}
            }
        }
    }
`;
