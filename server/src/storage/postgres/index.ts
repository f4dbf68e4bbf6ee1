export { PostgresStore, type PostgresStoreOptions } from "./store.ts";

/** Whether a DATABASE_URL names PostgreSQL (the store factory's switch). */
export function isPostgresUrl(url: string | undefined): url is string {
  return url !== undefined && /^postgres(ql)?:\/\//.test(url);
}
