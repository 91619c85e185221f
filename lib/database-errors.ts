// Both drivers report PostgreSQL's SQLSTATE; drizzle wraps it in `cause`.
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; cause?: { code?: unknown } } | null;
  return e?.code === '23505' || e?.cause?.code === '23505';
}
