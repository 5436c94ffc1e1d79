import { IconChecklist, IconFileCheck, IconMap2, IconSettings, IconTrophy, IconUsersGroup } from "@tabler/icons-react";
import type { TFunction } from "i18next";
import type { Role } from "~db/schema";

/** The menu entries a user's roles open (each page checks access again on the server). */
export interface MenuAccess {
  myMeasures: boolean;
  reviews: boolean;
  admin: boolean;
  kpi: boolean;
  councils: boolean;
}

export interface NavigationItem {
  to: string;
  label: string;
  icon: typeof IconMap2;
}

export function navigationItems(menu: MenuAccess, t: TFunction): NavigationItem[] {
  return [
    ...(menu.myMeasures ? [{ to: "/my", label: t("nav.myMeasures"), icon: IconChecklist }] : []),
    { to: "/roadmaps", label: t("nav.roadMaps"), icon: IconMap2 },
    ...(menu.reviews ? [{ to: "/reviews", label: t("nav.reviews"), icon: IconFileCheck }] : []),
    ...(menu.councils ? [{ to: "/councils", label: t("meetings.nav"), icon: IconUsersGroup }] : []),
    ...(menu.kpi ? [{ to: "/kpi", label: t("kpi.nav"), icon: IconTrophy }] : []),
    ...(menu.admin ? [{ to: "/admin", label: t("admin.nav.title"), icon: IconSettings }] : []),
  ];
}

export interface SignedInUser {
  displayName: string;
  roles: Role[];
}
