/** A refused domain operation, with a message meant for the person who tried it. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

/** Bad input from a caller becomes a DomainError with a readable message, not a ZodError. */
export function parseOrRefuse<T>(
  schema: {
    safeParse(
      v: unknown,
    ):
      | { success: true; data: T }
      | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  },
  value: unknown,
  what: string,
): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? ` ${issue.path.map(String).join(".")}` : "";
  throw new DomainError(
    `${what}-invalid`,
    `This ${what} cannot be saved:${where} ${issue?.message ?? "is invalid"}.`,
  );
}
