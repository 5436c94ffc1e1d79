import { withActor } from "~db/actor";
import { database } from "~/db.server";
import type { Locale } from "~/i18n/locales";

export async function saveUserLocale(userId: number, locale: Locale): Promise<void> {
  const db = await database();
  await withActor(db, userId, (trx) => trx.updateTable("app_user").set({ locale }).where("id", "=", userId).execute());
}
