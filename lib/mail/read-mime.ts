// A small reader for the messages Switchboard itself writes (nodemailer: one part or
// multipart/alternative, base64 or quoted-printable bodies), for the local mailbox and for tests
// that read a link out of a received message. Not a general MIME parser.

export type ReceivedMail = { from: string; to: string; subject: string; date: Date | null; text: string; html: string };

type Part = { headers: Map<string, string>; body: string };

export function readMimeMessage(raw: string): ReceivedMail {
  const message = splitPart(raw.replace(/\r\n/g, "\n"));
  const leaves = leafParts(message);
  const bodyOf = (type: string) => {
    const part = leaves.find((leaf) => (leaf.headers.get("content-type") ?? "text/plain").toLowerCase().startsWith(type));
    return part ? decodeBody(part) : "";
  };
  const date = message.headers.get("date");
  return {
    from: decodeWords(message.headers.get("from") ?? ""),
    to: decodeWords(message.headers.get("to") ?? ""),
    subject: decodeWords(message.headers.get("subject") ?? ""),
    date: date ? new Date(date) : null,
    text: bodyOf("text/plain"),
    html: bodyOf("text/html"),
  };
}

function splitPart(raw: string): Part {
  const end = raw.indexOf("\n\n");
  const head = end === -1 ? raw : raw.slice(0, end);
  const headers = new Map<string, string>();
  // Folded header lines continue with whitespace.
  for (const line of head.replace(/\n[ \t]+/g, " ").split("\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: end === -1 ? "" : raw.slice(end + 2) };
}

function leafParts(part: Part): Part[] {
  const type = part.headers.get("content-type") ?? "";
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!type.toLowerCase().startsWith("multipart/") || !boundary) return [part];
  const sections = part.body.split(`--${boundary}`).slice(1);
  return sections.filter((section) => !section.startsWith("--")).flatMap((section) => leafParts(splitPart(section.replace(/^\n/, ""))));
}

function decodeBody(part: Part): string {
  const encoding = (part.headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  if (encoding === "base64") return Buffer.from(part.body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable") return decodeQuotedPrintable(part.body);
  return part.body;
}

function decodeQuotedPrintable(body: string): string {
  const bytes = body.replace(/=\n/g, "").replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}

// RFC 2047 encoded words, e.g. =?UTF-8?Q?Caf=C3=A9?= in a subject.
function decodeWords(value: string): string {
  return value.replace(/=\?([^?]+)\?([BQ])\?([^?]*)\?=\s*/gi, (_m, _charset: string, kind: string, data: string) =>
    kind.toUpperCase() === "B" ? Buffer.from(data, "base64").toString("utf8") : decodeQuotedPrintable(data.replace(/_/g, " ")),
  );
}
