/**
 * Hostile model ids and document names: path traversal in every spelling, encodings, NUL and
 * control characters, Unicode look-alikes and direction overrides, huge names, and names built on
 * a real model id. Each carries `marker`, so a file or folder created from one can be found.
 */
export function hostileNames(count: number, marker: string, realId: string): string[] {
  const stems = [
    "../",
    "..\\",
    "../../../../etc/passwd",
    "/etc/passwd",
    "C:\\Windows\\win.ini",
    "\\\\server\\share",
    "%2e%2e%2f",
    "%2e%2e/",
    "..%2f",
    "%252e%252e%252f",
    "..%c0%af",
    "..%255c",
    "....//",
    "..;/",
    "\u0000",
    "x\u0000y",
    "\r\nSet-Cookie: a=b",
    "\t",
    " ",
    "",
    ".",
    "..",
    "~",
    "*",
    "?",
    "#",
    "%00",
    "\u202e",
    "\u200b",
    "．．／",
    "‥/",
    "🎉",
    "ǅ",
    "İ",
    "é",
    "\ud800",
    "Ａ",
    `${realId}/../x`,
    `${realId}/review/../../x`,
    `${realId}/REVIEW`,
    `${realId}/review/x`,
    `${realId}%2freview`,
    `${realId}\u0000`,
    `${realId} `,
    ` ${realId}`,
    `${realId.toLowerCase()}`,
    `${realId}/`,
    `/${realId}`,
    "' OR 1=1 --",
    '"; DROP TABLE models; --',
    // A template-injection probe, meant literally.
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal text is the point.
    "${7*7}",
    "{{7*7}}",
    "<script>",
    "null",
    "undefined",
    "CON",
    "nul",
    "aux.txt",
    "logic-canvas.sqlite",
    "logic-canvas.sqlite-wal",
  ];
  const names: string[] = [];
  for (let i = 0; names.length < count; i++) {
    const stem = stems[i % stems.length] as string;
    const round = Math.floor(i / stems.length);
    if (round % 7 === 6) names.push(`${stem}${marker}${"A".repeat(10_000)}`);
    else if (round % 5 === 4) names.push(`${marker}${i}${stem}`);
    else names.push(`${stem}${marker}${i}`);
  }
  return names;
}
