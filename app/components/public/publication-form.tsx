import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Anchor, Button, Checkbox, Fieldset, Group, Stack, Text } from "@mantine/core";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useErrorText } from "~/components/field-error";
import { narrativeMarkSchema, PUBLIC_BLOCKS, publicationSchema } from "~/domain/public/publication-schema";
import type { Publication } from "~/domain/public/publication.server";

/** The admin's switch for a programme's public page and the blocks it shows (admin programme page). */
export function PublicationForm({
  programmeId,
  version,
  publication,
  lastResult,
}: {
  programmeId: number;
  version: number;
  publication: Publication;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [form, fields] = useForm({
    id: "programme-publication",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: publicationSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="save-publication" />
      <input type="hidden" name="version" value={version} />
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t("publicPage.admin.intro")}
        </Text>
        <Checkbox
          name={fields.published.name}
          label={t("publicPage.admin.published")}
          defaultChecked={publication.published}
          error={errorText(fields.published.errors)}
        />
        <Fieldset legend={t("publicPage.admin.blocks")} variant="unstyled">
          <Stack gap={6}>
            {PUBLIC_BLOCKS.map((block) => (
              <Checkbox
                key={block}
                name={fields[block].name}
                label={t(`publicPage.admin.${block}`)}
                defaultChecked={publication.blocks[block]}
              />
            ))}
          </Stack>
        </Fieldset>
        <Text size="xs" c="dimmed">
          {t("publicPage.admin.narrativeHint")}
        </Text>
        <Group>
          <Button type="submit">{t("publicPage.admin.save")}</Button>
          {publication.published ? (
            <Anchor href={`/p/${programmeId}`} size="sm" data-testid="public-page-link">
              {t("publicPage.admin.open")}
            </Anchor>
          ) : (
            <Text size="sm" c="dimmed">
              {t("publicPage.admin.notPublished")}
            </Text>
          )}
        </Group>
      </Stack>
    </Form>
  );
}

/** A measure's mark: its progress narratives may be shown on the programme's public page (admin measure page). */
export function NarrativeMarkForm({
  version,
  narrativePublic,
  lastResult,
}: {
  version: number;
  narrativePublic: boolean;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "narrative-mark",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: narrativeMarkSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="mark-narrative" />
      <input type="hidden" name="version" value={version} />
      <Stack gap="sm">
        <Checkbox
          name={fields.narrativePublic.name}
          label={t("publicPage.narrativeMark.label")}
          description={t("publicPage.narrativeMark.hint")}
          defaultChecked={narrativePublic}
        />
        <Group>
          <Button type="submit" variant="light">
            {t("publicPage.narrativeMark.save")}
          </Button>
        </Group>
      </Stack>
    </Form>
  );
}
