// A form error is a string (Conform's model); one that needs values travels as «key|{"json"}».

export function encodeMessage(key: string, values: Record<string, string | number> = {}): string {
  return Object.keys(values).length ? `${key}|${JSON.stringify(values)}` : key;
}

export function decodeMessage(message: string): { key: string; values: Record<string, string | number> } {
  const separator = message.indexOf("|");
  if (separator < 0) return { key: message, values: {} };
  try {
    return {
      key: message.slice(0, separator),
      values: JSON.parse(message.slice(separator + 1)) as Record<string, string | number>,
    };
  } catch {
    return { key: message.slice(0, separator), values: {} };
  }
}
