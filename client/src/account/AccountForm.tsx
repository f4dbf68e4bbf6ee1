import { type FormEvent, type ReactNode, useState } from "react";

/** The frame of every account page: brand, title, the form, and a row of links below it. */
export function AccountFrame(props: { title: string; children: ReactNode; footer?: ReactNode }) {
  return (
    <div className="account-page">
      <a className="brand account-brand" href="/">
        <span className="brand-mark" aria-hidden="true" />
        Logic Canvas
      </a>
      <main className="account-card">
        <h1>{props.title}</h1>
        {props.children}
      </main>
      {props.footer && <nav className="account-links">{props.footer}</nav>}
    </div>
  );
}

/** A form that runs `submit`, shows "…" while it runs and the server's words when it fails. */
export function AccountForm(props: {
  submitLabel: string;
  submit: () => Promise<void>;
  children: ReactNode;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await props.submit();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="account-form" onSubmit={onSubmit}>
      {props.children}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? "…" : props.submitLabel}
      </button>
    </form>
  );
}

/** A labelled input whose value lives in the caller's state. */
export function Field(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: "text" | "email" | "password";
  autoComplete?: string;
  minLength?: number;
}) {
  return (
    <label className="account-field">
      <span>{props.label}</span>
      <input
        type={props.type ?? "text"}
        value={props.value}
        required
        minLength={props.minLength}
        autoComplete={props.autoComplete}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </label>
  );
}
