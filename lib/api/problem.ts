import { AppError, type FieldError } from '@/lib/errors';

const titles: Record<AppError['code'], string> = {
  bad_request: 'Bad request',
  unauthorized: 'Unauthorized',
  forbidden: 'Forbidden',
  not_found: 'Not found',
  conflict: 'Conflict',
  payload_too_large: 'Payload too large',
  unsupported_media_type: 'Unsupported media type',
  validation: 'Validation failed',
  rate_limited: 'Too many requests',
  internal: 'Internal server error',
  bad_gateway: 'Bad gateway',
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors: FieldError[];
}

// RFC 9457 problem details; `extensions` are extra members a client can act on (e.g. the id of
// the purchase a duplicate receipt matches).
export function problemResponse(error: AppError, headers?: HeadersInit, extensions: Record<string, unknown> = {}): Response {
  const body: Problem & Record<string, unknown> = {
    ...extensions,
    type: `urn:sembang:problem:${error.code}`,
    title: titles[error.code],
    status: error.status,
    detail: error.message,
    errors: error.fieldErrors,
  };
  const res = Response.json(body, { status: error.status, headers });
  res.headers.set('content-type', 'application/problem+json');
  return res;
}
