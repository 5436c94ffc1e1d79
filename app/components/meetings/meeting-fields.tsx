import { SimpleGrid, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** What the fields start with; `chairName` present shows the chair field (the meeting page has it, a new meeting does not). */
export interface MeetingFieldValues {
  meetingDate: string;
  asOf: string;
  number?: string;
  chairName?: string;
  placeKk?: string;
  placeRu?: string;
}

/** The date, as-of date, number, chair and place (kk and ru) fields of a meeting, named as the meeting schema reads them. */
export function MeetingFields({
  values,
  error,
}: {
  values: MeetingFieldValues;
  error: (name: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const withChair = values.chairName !== undefined;
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: withChair ? 4 : 3 }}>
        <TextInput
          name="meetingDate"
          type="date"
          label={t("meetings.date")}
          required
          defaultValue={values.meetingDate}
          error={error("meetingDate")}
        />
        <TextInput
          name="asOf"
          type="date"
          label={t("meetings.asOf")}
          required
          defaultValue={values.asOf}
          error={error("asOf")}
        />
        <TextInput
          name="number"
          label={t("meetings.number")}
          defaultValue={values.number ?? ""}
          maxLength={40}
          error={error("number")}
        />
        {withChair && (
          <TextInput
            name="chairName"
            label={t("meetings.chair")}
            defaultValue={values.chairName}
            maxLength={200}
            error={error("chairName")}
          />
        )}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          name="placeKk"
          lang="kk"
          label={t("meetings.placeKk")}
          defaultValue={values.placeKk ?? ""}
          maxLength={300}
          error={error("placeKk")}
        />
        <TextInput
          name="placeRu"
          lang="ru"
          label={t("meetings.placeRu")}
          defaultValue={values.placeRu ?? ""}
          maxLength={300}
          error={error("placeRu")}
        />
      </SimpleGrid>
    </>
  );
}
