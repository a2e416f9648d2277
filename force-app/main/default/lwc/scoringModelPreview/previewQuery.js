import { gql } from 'lightning/graphql';

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

/**
 * Open leads, their activities and campaign memberships, a page of each at a time:
 * `PREVIEW_READS` in the core, field for field (test/readLists.test.ts fails when they differ).
 */
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
                Lead(
                    first: $pageSize
                    after: $leadAfter
                    upperBound: $upperBound
                    where: { IsConverted: { eq: false } }
                    orderBy: { Id: { order: ASC } }
                ) {
                    edges {
                        node {
                            Id
                            FirstName {
                                value
                            }
                            LastName {
                                value
                            }
                            Company {
                                value
                            }
                            Title {
                                value
                            }
                            Email {
                                value
                            }
                            Phone {
                                value
                            }
                            Industry {
                                value
                            }
                            NumberOfEmployees {
                                value
                            }
                            AnnualRevenue {
                                value
                            }
                            Country {
                                value
                            }
                            LeadSource {
                                value
                            }
                            CreatedDate {
                                value
                            }
                            LL_Tier__c: LL_Tier__c {
                                value
                            }
                        }
                    }
                    pageInfo {
                        hasNextPage
                        endCursor
                    }
                }
                Task(
                    first: $pageSize
                    after: $taskAfter
                    upperBound: $upperBound
                    where: { WhoId: { ne: null } }
                    orderBy: { Id: { order: ASC } }
                ) {
                    edges {
                        node {
                            Id
                            WhoId {
                                value
                            }
                            OwnerId {
                                value
                            }
                            Subject {
                                value
                            }
                            Type {
                                value
                            }
                            Status {
                                value
                            }
                            ActivityDate {
                                value
                            }
                            CreatedDate {
                                value
                            }
                        }
                    }
                    pageInfo {
                        hasNextPage
                        endCursor
                    }
                }
                Event(
                    first: $pageSize
                    after: $eventAfter
                    upperBound: $upperBound
                    where: { WhoId: { ne: null } }
                    orderBy: { Id: { order: ASC } }
                ) {
                    edges {
                        node {
                            Id
                            WhoId {
                                value
                            }
                            OwnerId {
                                value
                            }
                            Subject {
                                value
                            }
                            Type {
                                value
                            }
                            ActivityDate {
                                value
                            }
                            StartDateTime {
                                value
                            }
                            CreatedDate {
                                value
                            }
                        }
                    }
                    pageInfo {
                        hasNextPage
                        endCursor
                    }
                }
                CampaignMember(
                    first: $pageSize
                    after: $memberAfter
                    upperBound: $upperBound
                    where: { LeadId: { ne: null } }
                    orderBy: { Id: { order: ASC } }
                ) {
                    edges {
                        node {
                            Id
                            LeadId {
                                value
                            }
                            CampaignId {
                                value
                            }
                            Status {
                                value
                            }
                            HasResponded {
                                value
                            }
                            FirstRespondedDate {
                                value
                            }
                            CreatedDate {
                                value
                            }
                            Campaign {
                                Name {
                                    value
                                }
                            }
                        }
                    }
                    pageInfo {
                        hasNextPage
                        endCursor
                    }
                }
            }
        }
    }
`;
