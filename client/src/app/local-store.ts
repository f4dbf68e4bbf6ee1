/** What this browser remembers: the person's display name and the models it has opened. */

const NAME_KEY = "logic-canvas:display-name";
const RECENT_KEY = "logic-canvas:recent-models";

export interface RecentModel {
  id: string;
  title: string;
  role: string;
  /** The share link, token in its fragment, so the model can be reopened. */
  link: string;
  openedAt: string;
}

export function getDisplayName(): string | null {
  return localStorage.getItem(NAME_KEY);
}

export function setDisplayName(name: string): void {
  localStorage.setItem(NAME_KEY, name.trim());
}

export function recentModels(): RecentModel[] {
  try {
    const list = JSON.parse(localStorage.getItem(RECENT_KEY) ?? "[]");
    return Array.isArray(list) ? list.filter((m) => m && typeof m.id === "string") : [];
  } catch {
    return [];
  }
}

export function rememberModel(model: Omit<RecentModel, "openedAt">): void {
  const rest = recentModels().filter((m) => !(m.id === model.id && m.role === model.role));
  saveRecent([{ ...model, openedAt: new Date().toISOString() }, ...rest].slice(0, 50));
}

function saveRecent(list: RecentModel[]): void {
  localStorage.setItem(RECENT_KEY, JSON.stringify(list));
}

/** Removes one entry (a model opened with one role) from this browser's list; returns it. */
export function forgetModel(id: string, role: string): RecentModel | undefined {
  const list = recentModels();
  const gone = list.find((m) => m.id === id && m.role === role);
  saveRecent(list.filter((m) => m !== gone));
  return gone;
}

/** Removes every entry of a model that no longer exists (deleted by its owner). */
export function forgetDeletedModel(id: string): void {
  saveRecent(recentModels().filter((m) => m.id !== id));
}

/** Puts back an entry forgotten by mistake, in its place by last opened. */
export function restoreModel(model: RecentModel): void {
  const rest = recentModels().filter((m) => !(m.id === model.id && m.role === model.role));
  saveRecent([...rest, model].sort((a, b) => b.openedAt.localeCompare(a.openedAt)));
}

/** The model was renamed while open here: the list shows its new title. */
export function renameRemembered(id: string, title: string): void {
  const list = recentModels();
  if (!list.some((m) => m.id === id && m.title !== title)) return;
  saveRecent(list.map((m) => (m.id === id ? { ...m, title } : m)));
}
