/** `?a=1&b=x` of the parameters that are set (empty strings and false left out), or "". */
export function searchOf(params: Record<string, string | number | boolean | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === "" || value === false) continue;
    query.set(key, value === true ? "1" : String(value));
  }
  const q = query.toString();
  return q ? `?${q}` : "";
}
