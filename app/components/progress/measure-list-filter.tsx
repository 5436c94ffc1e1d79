import { Button, Group, NativeSelect, TextInput } from "@mantine/core";
import { Form, Link } from "@remix-run/react";
import { IconSearch } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { MEASURE_FILTERS, type MeasureListParams } from "~/domain/progress/measure-list";
import type { SectionChoice } from "~/domain/progress/my-page.server";

/**
 * Which of the quarter's measures the page lists: a filter, a section and words of the number or
 * title. A plain GET form: it works without scripts and the result is a link.
 */
export function MeasureListFilter({
  list,
  sections,
  quarterParam,
}: {
  list: MeasureListParams;
  sections: SectionChoice[];
  quarterParam: string;
}) {
  const { t } = useTranslation();
  const roadMaps = [...new Set(sections.map((section) => section.roadMapTitle))];
  const sectionOption = (section: SectionChoice) => ({ value: String(section.id), label: section.label });
  const sectionData =
    roadMaps.length > 1
      ? roadMaps.map((title) => ({
          group: title,
          items: sections.filter((section) => section.roadMapTitle === title).map(sectionOption),
        }))
      : sections.map(sectionOption);
  const filtered = list.q !== "" || list.show !== "all" || list.section !== undefined;
  return (
    // Keyed by the parameters: after «clear» the fields show the whole list again.
    <Form method="get" role="search" key={`${list.q}|${list.show}|${list.section ?? ""}`} data-testid="measure-filter">
      <input type="hidden" name="quarter" value={quarterParam} />
      <Group gap="xs" align="flex-end" wrap="wrap">
        <TextInput
          type="search"
          name="q"
          label={t("myList.search")}
          placeholder={t("myList.searchHint")}
          defaultValue={list.q}
          leftSection={<IconSearch size={14} aria-hidden />}
          w={280}
          maw="100%"
          // Mantine's placeholder grey is too faint on white (axe: colour contrast).
          styles={{ input: { "--input-placeholder-color": "var(--mantine-color-gray-7)" } as React.CSSProperties }}
        />
        <NativeSelect
          name="show"
          label={t("myList.show")}
          defaultValue={list.show}
          data={MEASURE_FILTERS.map((filter) => ({ value: filter, label: t(`myList.filters.${filter}`) }))}
        />
        {sections.length > 1 && (
          <NativeSelect
            name="section"
            label={t("myList.section")}
            defaultValue={list.section === undefined ? "" : String(list.section)}
            data={[{ value: "", label: t("myList.allSections") }, ...sectionData]}
            w={280}
            maw="100%"
          />
        )}
        <Button type="submit" variant="light">
          {t("myList.find")}
        </Button>
        {filtered && (
          <Button component={Link} to={`/my?quarter=${quarterParam}`} variant="subtle">
            {t("myList.reset")}
          </Button>
        )}
      </Group>
    </Form>
  );
}
