import pg from "pg";
import { afterAll, expect, it } from "vitest";
import {
  FIRST_ADMIN,
  setUpServer,
  signIn,
  signUp,
  startTestServer,
  whoAmI,
} from "../../tests/support/index.ts";

/** Accounts on PostgreSQL (DATABASE_URL): the same tables in the models' schema, across a restart. */
const url = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const schema = `lc_accounts_${process.pid}_${Date.now()}`;

afterAll(async () => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client.end();
});

it("sets up, signs up and signs in on PostgreSQL, and keeps accounts and sessions across a restart", async () => {
  const options = { databaseUrl: url, databaseSchema: schema };
  const first = await startTestServer(options);
  const admin = await setUpServer(first.url);
  const member = await signUp(first.url, "cy@district.test", "cy-password-1", "Cy Member");
  const cy = await whoAmI(first.url, member);
  expect(cy).toMatchObject({ email: "cy@district.test" });
  await first.stop();

  const second = await startTestServer(options);
  try {
    expect(await (await fetch(`${second.url}/api/setup`)).json()).toEqual({ needed: false });
    expect(await whoAmI(second.url, admin)).toMatchObject({ email: FIRST_ADMIN.email });
    expect(await whoAmI(second.url, member)).toEqual(cy);
    const again = await signIn(second.url, "cy@district.test", "cy-password-1");
    expect(await whoAmI(second.url, again)).toEqual(cy);
  } finally {
    await second.stop();
  }
});
