// Content negotiation of Accept-Encoding, shared by the static files (server/) and the page cache (app/).

/**
 * The client's weight for each coding of an Accept-Encoding header (RFC 9110 §12.5.3): `q=0` refuses
 * one, `*` stands for every coding not named, identity is acceptable unless refused.
 * @param {string | undefined} header
 * @returns {(coding: string) => number}
 */
export function acceptedEncodings(header) {
  /** @type {Map<string, number>} */
  const weights = new Map();
  for (const part of (header ?? "").split(",")) {
    const [name, ...parameters] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    let weight = 1;
    for (const parameter of parameters) {
      const [key, value] = parameter.trim().split("=");
      if (key === "q") weight = Number(value);
    }
    weights.set(name, Number.isFinite(weight) ? Math.min(Math.max(weight, 0), 1) : 0);
  }
  return (coding) => weights.get(coding) ?? weights.get("*") ?? (coding === "identity" ? 1 : 0);
}

/**
 * Chooses the coding to send among those available: the client's highest weight, ties in the order given
 * and before identity.
 * When the client refuses every one (identity included) the answer is not coded, as RFC 9110 §12.5.3 says.
 * @param {string | undefined} header
 * @param {string[]} available codings other than identity, preferred first
 * @returns {string}
 */
export function chooseEncoding(header, available) {
  const weight = acceptedEncodings(header);
  let best = "identity";
  let bestWeight = 0;
  for (const coding of available) {
    const candidate = weight(coding);
    if (candidate > bestWeight) {
      best = coding;
      bestWeight = candidate;
    }
  }
  // On a tie a coding beats identity: the client said it takes either.
  return weight("identity") > bestWeight ? "identity" : best;
}
