import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { ActionIcon, Anchor, Badge, Button, Group, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import type { SerializeFrom } from "@remix-run/node";
import { Form, Link } from "@remix-run/react";
import { IconArrowDown, IconArrowUp, IconTrash } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { EditLink } from "~/components/admin/edit-link";
import { Field, LocalizedFields, localizedDefaults, SelectField } from "~/components/admin/fields";
import { FormErrors } from "~/components/field-error";
import { Localized } from "~/components/localized";
import { sectionSchema } from "~/domain/admin/admin-schema";
import type { WriteReply } from "~/domain/editing/action.server";
import { formatDate, formatNumber } from "~/i18n/format";
import type { LocalizedText } from "~/i18n/locales";
import { useLocale } from "~/i18n/use-locale";
import type { loader } from "~/routes/_app.admin.roadmaps.$roadMapId._index";

// The road-map editor's sections (routes/_app.admin.roadmaps.$roadMapId._index.tsx): each with its
// measures, moved up and down and edited by plain form posts.

type SectionRow = SerializeFrom<typeof loader>["sections"][number];

export function SectionBlock({
  section,
  roadMapId,
  first,
  last,
  empty,
}: {
  section: SectionRow;
  roadMapId: number;
  first: boolean;
  last: boolean;
  empty: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const heading = `${section.number ? `${section.number}. ` : ""}${section.shownTitle?.text ?? ""}`;
  return (
    <div id={`section-${section.id}`}>
      <Group justify="space-between" wrap="nowrap" gap="xs" className="admin-section-head">
        <Text fw={700} size={section.parentId ? "sm" : "md"}>
          {section.number && `${section.number}. `}
          <Localized value={section.shownTitle} />
        </Text>
        <Group gap={4} wrap="nowrap">
          <MoveButton
            section={section}
            direction="up"
            disabled={first}
            label={t("admin.section.moveUp", { section: heading })}
          />
          <MoveButton
            section={section}
            direction="down"
            disabled={last}
            label={t("admin.section.moveDown", { section: heading })}
          />
          <EditLink
            to={`/admin/roadmaps/${roadMapId}?section=${section.id}#section-form`}
            label={t("admin.section.editNamed", { section: heading })}
          />
          {empty && (
            <Form method="post">
              <input type="hidden" name="intent" value="delete-section" />
              <input type="hidden" name="sectionId" value={section.id} />
              <input type="hidden" name="version" value={section.version} />
              <ActionIcon
                type="submit"
                variant="subtle"
                color="red"
                aria-label={t("admin.section.delete", { section: heading })}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Form>
          )}
        </Group>
      </Group>
      {section.measures.length > 0 ? (
        <>
          <Table.ScrollContainer minWidth={640} visibleFrom="sm">
            <Table verticalSpacing={6} fz="sm" data-testid="section-measures">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={70}>№</Table.Th>
                  <Table.Th>{t("admin.measure.titleLabel")}</Table.Th>
                  <Table.Th>{t("admin.measure.responsible")}</Table.Th>
                  <Table.Th w={120}>{t("admin.measure.deadline")}</Table.Th>
                  <Table.Th w={90} ta="right">
                    {t("admin.measure.planTotal")}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {section.measures.map((measure) => (
                  <Table.Tr key={measure.id}>
                    <Table.Td className="tabular">{measure.number}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/admin/measures/${measure.id}`} size="sm">
                        <Localized value={measure.title} />
                      </Anchor>
                      {measure.removed && (
                        <Badge color="gray" variant="light" size="sm" ml={6} style={{ textTransform: "none" }}>
                          {t("history.controlState.removed")}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Localized value={measure.department} />
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDate(locale, measure.deadline)}</Table.Td>
                    <Table.Td ta="right" className="tabular">
                      {measure.planned ? formatNumber(locale, measure.planned, 3) : "—"}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Stack gap={0} hiddenFrom="sm" component="ul" className="admin-measure-list">
            {section.measures.map((measure) => (
              <li key={measure.id}>
                <Anchor component={Link} to={`/admin/measures/${measure.id}`} size="sm" fw={600}>
                  {measure.number}. <Localized value={measure.title} />
                </Anchor>
                <Text size="xs" c="dimmed">
                  <Localized value={measure.department} /> · {formatDate(locale, measure.deadline)}
                  {measure.removed && ` · ${t("history.controlState.removed")}`}
                </Text>
              </li>
            ))}
          </Stack>
        </>
      ) : (
        <Text size="sm" c="dimmed" mt={4}>
          {t("admin.section.noMeasures")}{" "}
          <Anchor component={Link} to={`/admin/roadmaps/${roadMapId}/measures/new?section=${section.id}`} size="sm">
            {t("admin.measure.new")}
          </Anchor>
        </Text>
      )}
    </div>
  );
}

function MoveButton({
  section,
  direction,
  disabled,
  label,
}: {
  section: SectionRow;
  direction: "up" | "down";
  disabled: boolean;
  label: string;
}) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="move-section" />
      <input type="hidden" name="sectionId" value={section.id} />
      <input type="hidden" name="version" value={section.version} />
      <input type="hidden" name="direction" value={direction} />
      <ActionIcon type="submit" variant="subtle" color="gray" disabled={disabled} aria-label={label}>
        {direction === "up" ? <IconArrowUp size={16} /> : <IconArrowDown size={16} />}
      </ActionIcon>
    </Form>
  );
}

export function SectionForm({
  section,
  parents,
  lastResult,
  cancelHref,
}: {
  section:
    { id: number; version: number; parentId: number | null; number: string | null; title: LocalizedText } | undefined;
  parents: Array<{ id: number; number: string | null; shownTitle: { text: string } | null }>;
  lastResult: WriteReply["result"] | undefined;
  cancelHref?: string;
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: section ? `section-${section.id}-form` : "new-section",
    lastResult,
    defaultValue: {
      ...localizedDefaults("title", section?.title),
      number: section?.number ?? "",
      parentId: section?.parentId?.toString() ?? "",
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: sectionSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="save-section" />
      {section && <input type="hidden" name="sectionId" value={section.id} />}
      {section && <input type="hidden" name="version" value={section.version} />}
      <Stack gap="sm">
        <FormErrors id={form.errorId} errors={form.errors} />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Field field={fields.number} label={t("admin.section.number")} placeholder="2.1" />
          <SelectField
            field={fields.parentId}
            label={t("admin.section.parent")}
            placeholder={t("admin.section.topLevel")}
            data={parents.map((p) => ({
              value: String(p.id),
              label: `${p.number ? `${p.number}. ` : ""}${p.shownTitle?.text ?? ""}`,
            }))}
          />
        </SimpleGrid>
        <LocalizedFields
          fields={{ kk: fields.titleKk, ru: fields.titleRu, en: fields.titleEn }}
          label={t("admin.section.name")}
          required
        />
        <Group>
          <Button type="submit">{section ? t("admin.save") : t("admin.section.create")}</Button>
          {cancelHref && (
            <Button component={Link} to={cancelHref} variant="default">
              {t("admin.cancel")}
            </Button>
          )}
        </Group>
      </Stack>
    </Form>
  );
}
