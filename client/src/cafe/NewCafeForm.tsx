import { CAFE_DEFAULT_MINUTES, CAFE_LIMITS, newCafeBody } from "@logic-canvas/shared";
import { type FormEvent, useState } from "react";
import { useCafeApi } from "./use-cafe.ts";

/** A facilitator's new session: a title, up to three prompts, a duration and named tables. */
export function NewCafeForm(props: { onCreated: (id: string) => void; onCancel: () => void }) {
  const api = useCafeApi();
  const [title, setTitle] = useState("");
  const [prompts, setPrompts] = useState(["", "", ""]);
  const [minutes, setMinutes] = useState(String(CAFE_DEFAULT_MINUTES));
  const [tables, setTables] = useState("Table 1\nTable 2");
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      title,
      prompts: prompts.map((p) => p.trim()).filter(Boolean),
      minutes: Number(minutes),
      tables: tables
        .split("\n")
        .map((t) => t.trim())
        .filter(Boolean),
    };
    const parsed = newCafeBody.safeParse(body);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? "Check the form.");
    try {
      const head = await api?.create(body);
      if (head) props.onCreated(head.id);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <form className="cafe-form" onSubmit={submit} aria-label="New World Café session">
      <label>
        Title
        <input
          value={title}
          maxLength={CAFE_LIMITS.titleLength}
          onChange={(e) => setTitle(e.target.value)}
        />
      </label>
      {prompts.map((prompt, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the three prompt fields are fixed slots
        <label key={i}>
          Prompt {i + 1}
          {i > 0 ? " (optional)" : ""}
          <textarea
            rows={2}
            value={prompt}
            maxLength={CAFE_LIMITS.promptLength}
            onChange={(e) => setPrompts(prompts.map((p, j) => (j === i ? e.target.value : p)))}
          />
        </label>
      ))}
      <label>
        Duration (minutes, shared by the rounds)
        <input
          type="number"
          min={CAFE_LIMITS.minutesMin}
          max={CAFE_LIMITS.minutesMax}
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
        />
      </label>
      <label>
        Tables (one name a line, up to {CAFE_LIMITS.tables})
        <textarea rows={3} value={tables} onChange={(e) => setTables(e.target.value)} />
      </label>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="row">
        <button type="submit" className="primary">
          Create session
        </button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
