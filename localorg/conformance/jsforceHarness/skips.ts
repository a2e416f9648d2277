/**
 * jsforce's tests that need something out of the local org's scope, by suite and name, with
 * the reason. The same list is in localorg/README.md (a test checks both).
 */
export const SKIPPED: { suite: string; name: string; reason: string }[] = [];
