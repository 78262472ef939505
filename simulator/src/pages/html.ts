const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

const STYLE = `
  body { font-family: system-ui, sans-serif; background: #f5f8fa; color: #33475b; margin: 0; }
  main { max-width: 36rem; margin: 3rem auto; background: #fff; padding: 2rem; border-radius: 8px;
         box-shadow: 0 1px 4px rgba(0,0,0,.12); }
  h1 { font-size: 1.4rem; margin-top: 0; }
  fieldset { border: 1px solid #cbd6e2; border-radius: 6px; margin: 1rem 0; padding: .75rem 1rem; }
  legend { font-weight: 600; padding: 0 .25rem; }
  label { display: block; padding: .35rem 0; }
  .note { color: #516f90; font-size: .9rem; }
  .missing { color: #b3261e; font-size: .9rem; }
  .actions { display: flex; gap: .75rem; margin-top: 1.5rem; }
  button { font: inherit; padding: .6rem 1.2rem; border-radius: 4px; border: 1px solid #cbd6e2; cursor: pointer; }
  button[value="grant"] { background: #b93815; border-color: #b93815; color: #fff; font-weight: 600; }
  button:focus-visible, input:focus-visible { outline: 3px solid #0091ae; outline-offset: 2px; }
  code { background: #eaf0f6; padding: 0 .25rem; border-radius: 3px; }
`;

/** A complete, accessible HTML document around `body`. */
export function htmlDocument(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}
