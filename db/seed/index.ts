import type { Kysely } from "kysely";
import { withActor } from "../actor";
import type { Database } from "../schema";
import { isIsoDate } from "~/domain/periods/quarter";
import { lookup, type SeedContext } from "./common";
import { seedAkmola } from "./akmola";
import { seedAltynsarin } from "./altynsarin";
import { seedBlagoveshchensk } from "./blagoveshchensk";
import { insertDepartments } from "./departments";
import { seedKaraganda } from "./karaganda";
import { seedMirasMeeting } from "./meetings";
import { insertProgrammes } from "./programmes";
import { seedShymkent } from "./shymkent";
import { insertTerritories } from "./territories";
import { insertRoleAssignments, insertUsers } from "./users";

// The demo data: real places, departments and programmes from the five articles in
// /work/shared/seeds (see DESIGN.md), with their figures. Each module holds one article's data:
//   territories.ts      the territory tree (Kazakhstan and Russia)
//   departments.ts      departments and their heads
//   programmes.ts       the four programmes and their status history
//   shymkent.ts         001 — the Shymkent road map of «Халықпен бірге!» and the «Miras» council
//   karaganda.ts        004 — the Karaganda road map and the youth-policy KPI of its cities and districts
//   akmola.ts           000 — library modernisation in Akmola Region
//   altynsarin.ts       003 — the «Бірыңғай күн» in the Altynsarin libraries
//   blagoveshchensk.ts  002 — the Blagoveshchensk library strategy
//   users.ts            the demo accounts and their roles

export { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from "./users";
export { MIRAS_COUNCIL } from "./shymkent";

/** The demo data describes events up to 2025; an earlier «today» would contradict it. */
const EARLIEST_TODAY = "2025-01-01";

/**
 * Fills an empty, migrated database with the demo data, in one transaction on behalf of the system.
 * The data is the same for the same `today`: entries run quarter by quarter up to it (the current
 * quarter partly done) and nothing is dated after it.
 */
export async function seedDemoData(db: Kysely<Database>, options: { today: string }): Promise<void> {
  const { today } = options;
  if (!isIsoDate(today) || today < EARLIEST_TODAY) {
    throw new Error(`The demo data needs today's date on or after ${EARLIEST_TODAY}, not «${today}».`);
  }
  await withActor(db, "system", async (trx) => {
    const territories = await insertTerritories(trx);
    const users = await insertUsers(trx);
    const departments = await insertDepartments(trx, lookup("territory", territories));
    const ctx: SeedContext = {
      trx,
      today,
      territory: lookup("territory", territories),
      department: lookup("department", departments),
      user: lookup("user", users),
    };

    const programmes = await insertProgrammes(trx);
    const programme = lookup("programme", programmes);
    const { councilId, roadMapId: shymkentRoadMapId } = await seedShymkent(ctx, programme("amanat"));
    await seedKaraganda(ctx, programme("amanat"));
    await seedAkmola(ctx, programme("library"));
    await seedAltynsarin(ctx, programme("public-control"));
    await seedBlagoveshchensk(ctx, programme("mibs-strategy"));

    await insertRoleAssignments(trx, {
      user: ctx.user,
      department: ctx.department,
      territory: ctx.territory,
      council: () => councilId,
    });
    await seedMirasMeeting(ctx, councilId, shymkentRoadMapId);
  });
}
