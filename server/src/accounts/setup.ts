import { ACCOUNT_MESSAGES, type Account, type SetupRequest } from "@logic-canvas/shared";
import { isAPIError } from "better-auth/api";
import { ApiError } from "../http/respond.ts";
import { errorText } from "../runtime/logger.ts";
import { type Accounts, ADDRESS_HEADER, SETUP_KEY } from "./accounts.ts";

/** The first-run answer kept in the settings table; `pending` while the admin is being made. */
interface SetupRecord {
  pending?: boolean;
  district: string;
  adminId?: string;
  at?: string;
}

/** Whether this server still waits for its first administrator (no account, no setup yet). */
export async function setupNeeded(accounts: Accounts): Promise<boolean> {
  if (await accounts.db.getSetting(SETUP_KEY)) return false;
  return (await accounts.db.countAccounts()) === 0;
}

/** The district name the first-run page was given, once the server is set up. */
export async function districtName(accounts: Accounts): Promise<string | undefined> {
  const raw = await accounts.db.getSetting(SETUP_KEY);
  const record = raw ? (JSON.parse(raw) as SetupRecord) : undefined;
  return record && !record.pending ? record.district : undefined;
}

const asApiError = (error: unknown): unknown =>
  isAPIError(error)
    ? new ApiError(error.statusCode, "invalid", String(error.body?.message ?? error.message))
    : error;

/**
 * Creates the first administrator and records the district, once per server: the setup row is
 * claimed first (so two processes or two tabs cannot both succeed), then the account is made
 * through better-auth like any sign-up. Returns the account and its session cookies.
 */
export async function setUp(
  accounts: Accounts,
  request: SetupRequest,
  address: string,
): Promise<{ account: Account; cookies: string[] }> {
  if (!(await setupNeeded(accounts))) throw new ApiError(409, "set-up", ACCOUNT_MESSAGES.setupDone);
  const claim: SetupRecord = { pending: true, district: request.district };
  if (!(await accounts.db.claimSetting(SETUP_KEY, JSON.stringify(claim)))) {
    throw new ApiError(409, "set-up", ACCOUNT_MESSAGES.setupDone);
  }
  let made: { account: Account; cookies: string[] };
  try {
    const headers = new Headers({ [accounts.setupHeader]: "1", [ADDRESS_HEADER]: address });
    const { headers: out, response } = await accounts.auth.api.signUpEmail({
      body: { email: request.email, password: request.password, name: request.name },
      headers,
      returnHeaders: true,
    });
    const { id, name, email } = response.user;
    made = { account: { id, name, email }, cookies: out.getSetCookie() };
  } catch (error) {
    await accounts.db.deleteSetting(SETUP_KEY);
    throw asApiError(error);
  }
  const done: SetupRecord = {
    district: request.district,
    adminId: made.account.id,
    at: new Date().toISOString(),
  };
  await accounts.db.putSetting(SETUP_KEY, JSON.stringify(done));
  // The account exists now; a failing hook is logged rather than undoing the setup.
  await accounts.hooks.onSetup?.(made.account, { name: request.district }).catch((error) => {
    accounts.context.logger.error("account-hook-failed", {
      event: "setup",
      error: errorText(error),
    });
  });
  return made;
}
