import { ZodError } from 'zod';

export type ErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'validation'
  | 'rate_limited'
  | 'bad_gateway'
  | 'internal';

export const statusByCode: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation: 422,
  rate_limited: 429,
  internal: 500,
  // An upstream service (WhatsApp) refused or failed a request made on the caller's behalf.
  bad_gateway: 502,
};

export interface FieldError {
  field: string;
  message: string;
}

// The one error type business code throws; adapters map it to HTTP or to form state.
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return statusByCode[this.code];
  }

  static field(code: ErrorCode, field: string, message: string): AppError {
    return new AppError(code, message, [{ field, message }]);
  }
}

export function fieldErrorsFromZod(error: ZodError): FieldError[] {
  return error.issues.map((issue) => ({ field: issue.path.join('.') || '(root)', message: issue.message }));
}

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) return new AppError('validation', 'The request has invalid fields.', fieldErrorsFromZod(error));
  return new AppError('internal', 'Something went wrong on our side.');
}
