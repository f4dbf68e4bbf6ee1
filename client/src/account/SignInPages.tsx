import { PASSWORD_MIN, type SignInOptions } from "@logic-canvas/shared";
import { useEffect, useState } from "react";
import { AccountForm, AccountFrame, Field } from "./AccountForm.tsx";
import { accountApi } from "./account-api.ts";

const go = (path: string) => window.location.assign(path);

function useSignInOptions(): SignInOptions | null {
  const [options, setOptions] = useState<SignInOptions | null>(null);
  useEffect(() => {
    accountApi.options().then(setOptions, () => {});
  }, []);
  return options;
}

export function SignInPage() {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const options = useSignInOptions();
  const ssoError = new URLSearchParams(window.location.search).get("error_description");
  return (
    <AccountFrame
      title="Sign in"
      footer={
        <>
          <a href="/account/sign-up">Create an account</a>
          {options?.passwordReset && <a href="/account/forgot">Forgot your password?</a>}
          <a href="/">Back to the home page</a>
        </>
      }
    >
      {options?.sso && (
        <>
          <button
            type="button"
            className="sso-button"
            onClick={async () =>
              go((await accountApi.signInWithSso(options.sso?.providerId ?? "")).url)
            }
          >
            {options.sso.label}
          </button>
          {ssoError && (
            <p className="error-text" role="alert">
              {ssoError}
            </p>
          )}
          <p className="account-or">or with your email</p>
        </>
      )}
      <AccountForm
        submitLabel="Sign in"
        submit={async () => {
          await accountApi.signIn(email, password);
          go("/");
        }}
      >
        <Field
          label="Email"
          type="email"
          autoComplete="username"
          value={email}
          onChange={setEmail}
        />
        <Field
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
        />
      </AccountForm>
    </AccountFrame>
  );
}

export function SignUpPage() {
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  return (
    <AccountFrame
      title="Create an account"
      footer={<a href="/account/sign-in">I already have an account</a>}
    >
      <AccountForm
        submitLabel="Create account"
        submit={async () => {
          await accountApi.signUp(name, email, password);
          go("/");
        }}
      >
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

export function ForgotPasswordPage() {
  const [email, setEmail] = useState("");
  const [sent, setSent] = useState(false);
  return (
    <AccountFrame
      title="Forgot your password?"
      footer={<a href="/account/sign-in">Back to sign in</a>}
    >
      {sent ? (
        <p role="status">
          If an account uses {email}, a link to choose a new password is on its way. It works once,
          for one hour.
        </p>
      ) : (
        <AccountForm
          submitLabel="Send me a link"
          submit={async () => {
            await accountApi.requestReset(email);
            setSent(true);
          }}
        >
          <Field
            label="Email"
            type="email"
            autoComplete="email"
            value={email}
            onChange={setEmail}
          />
        </AccountForm>
      )}
    </AccountFrame>
  );
}

export function ResetPasswordPage() {
  const params = new URLSearchParams(window.location.search);
  const token = params.get("token") ?? "";
  const [password, setPassword] = useState("");
  const [done, setDone] = useState(false);
  const invalid = !token || params.get("error") !== null;
  return (
    <AccountFrame title="Choose a new password" footer={<a href="/account/sign-in">Sign in</a>}>
      {invalid ? (
        <p className="error-text" role="alert">
          This link is not valid any more. <a href="/account/forgot">Ask for a new one.</a>
        </p>
      ) : done ? (
        <p role="status">Your password is changed. Sign in with it.</p>
      ) : (
        <AccountForm
          submitLabel="Set the new password"
          submit={async () => {
            await accountApi.resetPassword(token, password);
            setDone(true);
          }}
        >
          <Field
            label={`New password (at least ${PASSWORD_MIN} characters)`}
            type="password"
            autoComplete="new-password"
            minLength={PASSWORD_MIN}
            value={password}
            onChange={setPassword}
          />
        </AccountForm>
      )}
    </AccountFrame>
  );
}
