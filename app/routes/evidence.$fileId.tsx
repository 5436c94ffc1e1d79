import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requirePrincipal } from "~/domain/auth/session.server";
import { servedInline } from "~/domain/evidence/evidence-kind";
import { requireVisibleEvidence } from "~/domain/evidence/evidence.server";
import { evidenceStore } from "~/domain/evidence/file-store.server";
import { idSchema } from "~/domain/ids";
import { database } from "~/db.server";

const params = z.object({ fileId: idSchema });

/**
 * An evidence file (/evidence/12), or its thumbnail (?thumbnail=1), to a user who may see its entry.
 * Images and PDF open in the browser under the type their content was found to be; everything else is
 * a download. Never sniffed, never cached by a shared cache.
 */
export async function loader({ request, params: rawParams }: LoaderFunctionArgs) {
  const principal = await requirePrincipal(request);
  const parsed = params.safeParse(rawParams);
  if (!parsed.success) throw new Response("Not found", { status: 404 });
  const file = await requireVisibleEvidence(await database(), principal, parsed.data.fileId);
  const thumbnail = new URL(request.url).searchParams.get("thumbnail") === "1" && file.has_thumbnail;
  const bytes = await evidenceStore().get(thumbnail ? `${file.storage_key}.thumb` : file.storage_key);
  if (!bytes) throw new Response("Not found", { status: 404 });
  const inline = thumbnail || servedInline(file.media_type);
  const encoded = encodeURIComponent(file.file_name);
  const ascii = file.file_name.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return new Response(bytes, {
    headers: {
      "Content-Type": thumbnail ? "image/webp" : file.media_type,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": `${inline ? "inline" : "attachment"}; filename="${ascii}"; filename*=UTF-8''${encoded}`,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
      "Cache-Control": "private, max-age=300",
    },
  });
}
