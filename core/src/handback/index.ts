export * from './reasons';
export * from './handBack';
export * from './returns';
export * from './nurtureQueue';
