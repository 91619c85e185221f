import { type JobEventData, type JobEventName, jobEvents } from './events';

export function isJobEventName(name: string): name is JobEventName {
  return Object.hasOwn(jobEvents, name);
}

// Throws a ZodError when the payload does not match the event's schema.
export function parseJobEventData<N extends JobEventName>(name: N, data: unknown): JobEventData<N> {
  return jobEvents[name].parse(data) as JobEventData<N>;
}
