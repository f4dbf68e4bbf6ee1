import {
  DIGEST_FREQUENCIES,
  type DigestFrequency,
  type DigestSettingsResponse,
} from "@logic-canvas/shared";
import { useEffect, useId, useState } from "react";
import { loadDigest, saveDigest } from "./inbox-client.ts";

const LABEL: Record<DigestFrequency, string> = {
  off: "No email",
  daily: "Daily",
  weekly: "Weekly",
};

/**
 * The email digest: a signed-in person chooses none, daily or weekly (sent to their account's
 * address, only if the server can send mail). A browser without an account has no address.
 */
export function DigestSetting(props: { signedIn: boolean }) {
  const id = useId();
  const [settings, setSettings] = useState<DigestSettingsResponse | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    if (!props.signedIn) return;
    loadDigest()
      .then(setSettings)
      .catch((e: Error) => setMessage(e.message));
  }, [props.signedIn]);

  if (!props.signedIn)
    return (
      <p className="inbox-digest-note">
        Email digests are for signed-in people: <a href="/account/sign-in">sign in</a> to get your
        unread items by email.
      </p>
    );
  if (!settings) return message ? <p className="form-error">{message}</p> : null;
  if (!settings.mailEnabled)
    return (
      <p className="inbox-digest-note">This server sends no email, so there are no digests.</p>
    );
  const choose = async (digest: DigestFrequency) => {
    try {
      setSettings(await saveDigest(digest));
      setMessage(
        digest === "off"
          ? "No digest emails will be sent."
          : `Unread items will be emailed ${digest} to ${settings.email}.`,
      );
    } catch (e) {
      setMessage(e instanceof Error ? e.message : "The choice was not saved; try again.");
    }
  };
  return (
    <div className="inbox-digest">
      <label htmlFor={id}>Email digest</label>
      <select
        id={id}
        value={settings.digest}
        onChange={(e) => void choose(e.target.value as DigestFrequency)}
      >
        {DIGEST_FREQUENCIES.map((d) => (
          <option key={d} value={d}>
            {LABEL[d]}
          </option>
        ))}
      </select>
      {message && (
        <p className="inbox-digest-note" role="status">
          {message}
        </p>
      )}
    </div>
  );
}
