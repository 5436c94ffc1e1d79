import type { Kysely } from "kysely";
import { withActor } from "~db/actor";
import type { Database } from "~db/schema";
import type { Principal } from "~/domain/auth/access";
import { requireAdmin } from "~/domain/auth/permissions.server";
import { claimVersion } from "~/domain/editing/versioned.server";
import { RefusedWrite } from "~/domain/editing/write-errors";
import { localizedValue, type DepartmentInput, type TerritoryInput } from "./admin-schema";

/** Every territory, parents before children (ordered by their path in the tree). */
export async function listTerritories(db: Kysely<Database>) {
  const rows = await db
    .selectFrom("territory")
    .select(["id", "parent_id", "kind", "kato_code", "name", "path", "version"])
    .orderBy("path")
    .execute();
  return rows.map((row) => ({ ...row, depth: row.path.length - 1 }));
}

export async function listDepartments(db: Kysely<Database>) {
  return db
    .selectFrom("department as d")
    .innerJoin("territory as t", "t.id", "d.territory_id")
    .select([
      "d.id",
      "d.territory_id",
      "d.name",
      "d.head_name",
      "d.head_title",
      "d.version",
      "t.name as territory_name",
    ])
    .orderBy("t.path")
    .orderBy("d.id")
    .execute();
}

export async function listCouncils(db: Kysely<Database>) {
  return db.selectFrom("council").select(["id", "title"]).orderBy("id").execute();
}

export async function saveDepartment(db: Kysely<Database>, principal: Principal, input: DepartmentInput) {
  requireAdmin(principal);
  return withActor(db, principal.id, async (trx) => {
    const values = {
      territory_id: input.territoryId,
      name: localizedValue(input.nameKk, input.nameRu, input.nameEn)!,
      head_name: localizedValue(input.headNameKk, input.headNameRu, input.headNameEn),
      head_title: localizedValue(input.headTitleKk, input.headTitleRu, input.headTitleEn),
    };
    if (input.departmentId) {
      await claimVersion(trx, "department", input.departmentId, input.version ?? 0);
      await trx.updateTable("department").set(values).where("id", "=", input.departmentId).execute();
      return input.departmentId;
    }
    const { id } = await trx.insertInto("department").values(values).returning("id").executeTakeFirstOrThrow();
    return id;
  });
}

export async function saveTerritory(db: Kysely<Database>, principal: Principal, input: TerritoryInput) {
  requireAdmin(principal);
  return withActor(db, principal.id, async (trx) => {
    if (input.katoCode) {
      const taken = await trx
        .selectFrom("territory")
        .select("id")
        .where("kato_code", "=", input.katoCode)
        .$if(input.territoryId !== undefined, (qb) => qb.where("id", "<>", input.territoryId!))
        .executeTakeFirst();
      if (taken) throw new RefusedWrite("admin.validation.katoTaken", {}, "katoCode");
    }
    if (input.parentId !== undefined && input.territoryId !== undefined) {
      const parent = await trx
        .selectFrom("territory")
        .select("path")
        .where("id", "=", input.parentId)
        .executeTakeFirst();
      if (parent?.path.includes(input.territoryId))
        throw new RefusedWrite("admin.validation.parentLoop", {}, "parentId");
    }
    const values = {
      parent_id: input.parentId ?? null,
      kind: input.kind,
      kato_code: input.katoCode || null,
      name: localizedValue(input.nameKk, input.nameRu, input.nameEn)!,
    };
    if (input.territoryId) {
      await claimVersion(trx, "territory", input.territoryId, input.version ?? 0);
      await trx.updateTable("territory").set(values).where("id", "=", input.territoryId).execute();
      return input.territoryId;
    }
    const { id } = await trx.insertInto("territory").values(values).returning("id").executeTakeFirstOrThrow();
    return id;
  });
}
