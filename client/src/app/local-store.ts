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
  const next = [{ ...model, openedAt: new Date().toISOString() }, ...rest].slice(0, 50);
  localStorage.setItem(RECENT_KEY, JSON.stringify(next));
}
