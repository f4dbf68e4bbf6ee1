import { PASSWORD_MIN } from "@logic-canvas/shared";
import { useEffect, useState } from "react";
import { AccountForm, AccountFrame, Field } from "./AccountForm.tsx";
import { accountApi } from "./account-api.ts";

/** First run: the first administrator and the district, on a server with no account yet. */
export function SetupPage() {
  const [needed, setNeeded] = useState<boolean | null>(null);
  const [district, setDistrict] = useState("");
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  useEffect(() => {
    accountApi.setupNeeded().then(setNeeded, () => setNeeded(false));
  }, []);
  if (needed === false) {
    return (
      <AccountFrame title="Set up Logic Canvas" footer={<a href="/account/sign-in">Sign in</a>}>
        <p>This server is already set up.</p>
      </AccountFrame>
    );
  }
  return (
    <AccountFrame title="Set up Logic Canvas">
      <p className="account-lead">
        Nobody has an account here yet. Create the district and its first administrator: you.
      </p>
      <AccountForm
        submitLabel="Create the district"
        submit={async () => {
          await accountApi.setUp({ district, name, email, password });
          window.location.assign("/");
        }}
      >
        <Field label="District name" value={district} onChange={setDistrict} />
        <Field label="Your name" autoComplete="name" value={name} onChange={setName} />
        <Field label="Email" type="email" autoComplete="email" value={email} onChange={setEmail} />
        <Field
          label={`Password (at least ${PASSWORD_MIN} characters)`}
          type="password"
          autoComplete="new-password"
          minLength={PASSWORD_MIN}
          value={password}
          onChange={setPassword}
        />
      </AccountForm>
    </AccountFrame>
  );
}
