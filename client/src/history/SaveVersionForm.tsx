import { VERSION_LABEL_MAX } from "@logic-canvas/shared";

/** Names the current state and saves it as a version. */
export function SaveVersionForm(props: {
  label: string;
  onLabel: (label: string) => void;
  busy: boolean;
  onSave: (label: string) => void;
}) {
  const { label } = props;
  return (
    <form
      className="save-version"
      onSubmit={(e) => {
        e.preventDefault();
        const trimmed = label.trim();
        if (!trimmed) return;
        props.onSave(trimmed);
      }}
    >
      <label className="field">
        <span>Save this state as a version</span>
        <input
          type="text"
          value={label}
          maxLength={VERSION_LABEL_MAX}
          placeholder="e.g. Draft shared with staff"
          onChange={(e) => props.onLabel(e.target.value)}
          onKeyDown={(e) => e.stopPropagation()}
        />
      </label>
      <button type="submit" disabled={props.busy || label.trim() === ""}>
        Save version
      </button>
    </form>
  );
}
